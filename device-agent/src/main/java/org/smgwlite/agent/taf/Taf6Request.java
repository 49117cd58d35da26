package org.smgwlite.agent.taf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.smgwlite.agent.status.GatewayStatus;
import org.smgwlite.agent.status.ValueStatus;
import org.smgwlite.metering.contract.Taf6Order;

/**
 * TAF 6: a register reading taken on demand, now, with the reason it was asked for (e.g. "Zählerwechsel" — meter
 * change, or "Lieferantenwechsel" — change of supplier). It is kept and uploaded like a TAF 7 value but marked.
 *
 * @param reason      why, as given by the platform or the local operator; never blank
 * @param requestedAt when the request was made (the value's slot)
 * @param requestId   the platform's request id, or {@code null} for a local reading (status page)
 */
public record Taf6Request(String reason, Instant requestedAt, Long requestId) {

    /** The latest telegram may be this old for a "now" reading; older data is taken but flagged {@code METER_SILENT}. */
    public static final Duration MAX_AGE = Duration.ofSeconds(10);

    public Taf6Request {
        String broken = Taf6Order.reasonProblem(reason);
        if (broken != null) {
            throw new IllegalArgumentException(broken);
        }
    }

    /** A local reading, not asked for by the platform. */
    public Taf6Request(String reason, Instant requestedAt) {
        this(reason, requestedAt, null);
    }

    /**
     * The reading from the latest telegram, one value per register.
     *
     * @throws IllegalStateException if the meter has not sent a telegram with registers since the agent started
     */
    public List<TafValue> take(Snapshot latest) {
        if (latest == null || latest.registers().isEmpty()) {
            throw new IllegalStateException("TAF 6 '" + reason + "': no meter reading received since start");
        }
        int bits = latest.gatewayBits();
        if (Duration.between(latest.at(), requestedAt).compareTo(MAX_AGE) > 0) {
            bits |= GatewayStatus.METER_SILENT.bit();
        }
        List<TafValue> values = new ArrayList<>();
        for (Snapshot.Register r : latest.registers()) {
            values.add(new TafValue(0, TafKind.TAF6, latest.meterId(), requestedAt, r.obis(), r.value(), latest.at(),
                    new ValueStatus(r.meterStatus(), bits), reason, requestId));
        }
        return values;
    }
}
