package org.smgwlite.admin.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.gateway.AgentStatus;
import org.smgwlite.platform.gateway.GatewaySummary;

/**
 * The status a gateway's agent reported, as the operator reads it: one short line for the list
 * ("v0.1.0 · SML · 12 pending · 3 min ago") and the full text for the gateway's detail panel. An unknown field is left
 * out of the line and shown as "–" in the details.
 */
final class AgentStatusText {

    /** The UI text of a key with its values ({@code Component::getTranslation}). */
    @FunctionalInterface
    interface Text {
        String apply(String key, Object... params);
    }

    private static final String UNKNOWN = "–";

    private AgentStatusText() {
    }

    /** The list's line; empty when the agent never reported. */
    static String line(GatewaySummary g, Instant now, LocalFormats formats, Text text) {
        AgentStatus s = g.agentStatus();
        if (s == null) {
            return "";
        }
        StringBuilder line = new StringBuilder("v").append(s.agentVersion());
        if (s.meterProtocol() != null) {
            line.append(" · ").append(s.meterProtocol());
        }
        if (s.pendingValues() != null) {
            line.append(" · ").append(text.apply("agent.pending", formats.integer(s.pendingValues())));
        }
        if (s.lastError() != null) {
            line.append(" · ").append(text.apply("agent.error.short"));
        }
        return line.append(" · ").append(age(g.agentStatusAt(), now, text)).toString();
    }

    /** The detail panel's text; a hint when the agent never reported. */
    static String details(GatewaySummary g, LocalFormats formats, Text text) {
        AgentStatus s = g.agentStatus();
        if (s == null) {
            return text.apply("agent.none");
        }
        String store = s.storeBytes() == null || s.storeCapacityBytes() == null || s.storeCapacityBytes() == 0 ? UNKNOWN
                : formats.exact(BigDecimal.valueOf(s.storeBytes() * 100).divide(BigDecimal.valueOf(s.storeCapacityBytes()), 1,
                RoundingMode.HALF_UP));
        String details = text.apply("agent.details", s.agentVersion(), orUnknown(s.meterProtocol()),
                s.lastTelegramAt() == null ? UNKNOWN : OperatorTime.of(formats, s.lastTelegramAt()),
                s.pendingValues() == null ? UNKNOWN : formats.integer(s.pendingValues()), store,
                s.uptimeSeconds() == null ? UNKNOWN : duration(Duration.ofSeconds(s.uptimeSeconds()), text),
                OperatorTime.of(formats, g.agentStatusAt()));
        return s.lastError() == null ? details : details + " " + text.apply("agent.error", s.lastError());
    }

    /** How long ago, in the largest whole unit: "3 min ago", "5 h ago", "2 d ago"; "just now" below a minute. */
    static String age(Instant at, Instant now, Text text) {
        Duration ago = Duration.between(at, now);
        return ago.toMinutes() < 1 ? text.apply("agent.age.now") : text.apply("agent.age", duration(ago, text));
    }

    private static String duration(Duration d, Text text) {
        if (d.toHours() < 1) {
            return text.apply("agent.minutes", Math.max(0, d.toMinutes()));
        }
        return d.toDays() < 1 ? text.apply("agent.hours", d.toHours()) : text.apply("agent.days", d.toDays());
    }

    private static String orUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }
}
