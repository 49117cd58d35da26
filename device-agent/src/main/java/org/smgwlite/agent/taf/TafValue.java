package org.smgwlite.agent.taf;

import java.time.Instant;
import java.util.Objects;

import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.ValueStatus;

/**
 * One value the agent keeps: what, of which meter, for which slot, and how good it is.
 *
 * @param seq        store sequence number, 0 until the store assigned one
 * @param kind       TAF 7, 6 or 14
 * @param meterId    the meter's server id in lowercase hex
 * @param slot       TAF 7: the UTC slot boundary; TAF 6: when the reading was requested; TAF 14: the sample time
 * @param obis       the register
 * @param value      the exact value, or {@code null} when the slot has none (then {@code NO_VALUE} is set)
 * @param capturedAt receive time of the telegram the value came from, or {@code null} with no value
 * @param status     meter status word and gateway bits
 * @param reason     TAF 6 only: why the reading was taken; {@code null} otherwise
 * @param requestId  TAF 6 only: the platform's request this reading answers; {@code null} for a local reading
 */
public record TafValue(long seq, TafKind kind, String meterId, Instant slot, ObisCode obis, ExactValue value,
                       Instant capturedAt, ValueStatus status, String reason, Long requestId) {

    public TafValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(obis, "obis");
        Objects.requireNonNull(status, "status");
        if ((value == null) != (capturedAt == null)) {
            throw new IllegalArgumentException("value and capturedAt must both be present or both absent: " + obis);
        }
        if ((kind == TafKind.TAF6) != (reason != null)) {
            throw new IllegalArgumentException("a reason is required for TAF 6 and only for TAF 6, was " + reason);
        }
        if (requestId != null && kind != TafKind.TAF6) {
            throw new IllegalArgumentException("only a TAF 6 reading answers a platform request: " + obis);
        }
    }

    /** A value that answers no platform request. */
    public TafValue(long seq, TafKind kind, String meterId, Instant slot, ObisCode obis, ExactValue value,
                    Instant capturedAt, ValueStatus status, String reason) {
        this(seq, kind, meterId, slot, obis, value, capturedAt, status, reason, null);
    }

    public TafValue withSeq(long newSeq) {
        return new TafValue(newSeq, kind, meterId, slot, obis, value, capturedAt, status, reason, requestId);
    }

    public TafValue withStatus(ValueStatus newStatus) {
        return new TafValue(seq, kind, meterId, slot, obis, value, capturedAt, newStatus, reason, requestId);
    }

    /** One line for logs and the stdout of {@code run}: {@code TAF7 seq=12 slot=... 1-0:1.8.0*255=... level 0}. */
    @Override
    public String toString() {
        return kind + " seq=" + seq + " meter=" + meterId + " slot=" + slot + " " + obis + "="
                + (value == null ? "-" : value.toString()) + " " + status + (reason == null ? "" : " reason=" + reason)
                + (requestId == null ? "" : " request=" + requestId);
    }
}
