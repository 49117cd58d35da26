package org.smgwlite.agent.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smgwlite.agent.json.Json;
import org.smgwlite.agent.meter.MeterProtocol;
import org.smgwlite.agent.statuspage.StatusView;

/**
 * The status the agent reports to the platform ({@code POST /api/device/status}) for the operator's gateway list: a
 * few fields of the status page's {@link StatusView}, in the member names the platform reads (its
 * {@code AgentStatusJson}). The platform cuts a longer error text too; cutting it here keeps the body small.
 */
final class AgentStatusDocument {

    /** Longest error text sent. */
    static final int MAX_ERROR_CHARS = 300;

    private AgentStatusDocument() {
    }

    /** The agent's version from its jar's manifest; "dev" when run from classes (tests, the IDE). */
    static String version() {
        String version = AgentStatusDocument.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /**
     * @param startedAt when the agent started, for its uptime
     */
    static String json(StatusView view, String version, MeterProtocol protocol, Instant startedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agentVersion", version);
        m.put("meterProtocol", protocol.name());
        m.put("lastTelegramAt", view.latest() == null ? null : view.latest().at().toString());
        m.put("pendingValues", view.lastSeq() - view.acknowledgedSeq());
        m.put("storeBytes", view.storeBytes());
        m.put("storeCapacityBytes", view.storeCapacity());
        m.put("lastError", lastError(view));
        m.put("uptimeSeconds", Math.max(0, Duration.between(startedAt, view.now()).toSeconds()));
        return Json.write(m);
    }

    /** What an operator should look at: a refused upload (its reason), else a silent meter; null when all is well. */
    static String lastError(StatusView view) {
        String error = view.uploadRefused() ? view.lastUpload() : view.meterSilent() ? "meter silent" : null;
        return error == null || error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }
}
