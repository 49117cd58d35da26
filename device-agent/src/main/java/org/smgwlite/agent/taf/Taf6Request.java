package org.smgwlite.agent.taf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.smgwlite.agent.status.GatewayStatus;
import org.smgwlite.agent.status.ValueStatus;

/**
 * TAF 6: a register reading taken on demand, now, with the reason it was asked for (e.g. "Zählerwechsel" — meter
 * change, or "Lieferantenwechsel" — change of supplier). It is kept and uploaded like a TAF 7 value but marked.
 *
 * @param reason      why, as given by the platform or the local operator; never blank
 * @param requestedAt when the request was made (the value's slot)
 */
public record Taf6Request(String reason, Instant requestedAt) {

    /** The latest telegram may be this old for a "now" reading; older data is taken but flagged {@code METER_SILENT}. */
    public static final Duration MAX_AGE = Duration.ofSeconds(10);

    public Taf6Request {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a TAF 6 reading needs a reason");
        }
        if (reason.length() > 200 || reason.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("TAF 6 reason must be one line of at most 200 characters");
        }
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
                    new ValueStatus(r.meterStatus(), bits), reason));
        }
        return values;
    }
}
