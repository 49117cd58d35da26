package org.smgwlite.platform.metering.substitute;

import java.time.Instant;

/** A current substitute row as the day-after run compares it: which slot, for which gap. */
public record StoredSubstitute(long id, String obis, Instant slot, Instant boundFrom, Instant boundTo) {
}
