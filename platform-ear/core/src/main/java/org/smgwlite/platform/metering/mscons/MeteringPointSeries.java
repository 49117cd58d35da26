package org.smgwlite.platform.metering.mscons;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One register's quarter hours of one Messlokation (metering point) over {@code [from, to)}: MSCONS segment group 9
 * (LIN/PIA with the OBIS code) under group 6 (LOC with the period). Quarter hours without a value (gaps) are simply
 * absent; those present are in time order and inside the period.
 */
public record MeteringPointSeries(String messlokationId, String obis, Instant from, Instant to, List<QuarterHour> values) {

    public MeteringPointSeries {
        Objects.requireNonNull(messlokationId, "messlokationId");
        Objects.requireNonNull(obis, "obis");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("period " + from + " to " + to + " is empty");
        }
        values = List.copyOf(values);
        Instant previous = null;
        for (QuarterHour q : values) {
            if (q.start().isBefore(from) || q.end().isAfter(to) || previous != null && !q.start().isAfter(previous)) {
                throw new IllegalArgumentException("quarter hour " + q.start() + " of " + messlokationId + " " + obis
                        + " is out of order or outside " + from + " to " + to);
            }
            previous = q.start();
        }
    }
}
