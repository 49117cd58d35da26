package org.smgwlite.agent.sml.structure;

import java.time.Instant;

/** SML_Time: a CHOICE of seconds since an arbitrary meter epoch, a UTC timestamp, or a local timestamp. */
public sealed interface SmlTime {

    /** Tag 1: seconds index, a counter that is not a calendar time (often seconds since manufacture). */
    record SecIndex(long seconds) implements SmlTime {
    }

    /** Tag 2: seconds since 1970-01-01T00:00Z. */
    record Timestamp(long epochSeconds) implements SmlTime {
        public Instant instant() {
            return Instant.ofEpochSecond(epochSeconds);
        }
    }

    /** Tag 3: UTC timestamp plus the meter's local and daylight-saving offsets in minutes. */
    record LocalTimestamp(long epochSeconds, int localOffsetMinutes, int seasonOffsetMinutes) implements SmlTime {
        public Instant instant() {
            return Instant.ofEpochSecond(epochSeconds);
        }
    }
}
