package org.smgwlite.platform.metering.substitute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.Function;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;

/** Import series of known data on the Berlin local days [first, end): a reading per slot from a function, null = none. */
final class TestSeries {

    private TestSeries() {
    }

    static IntervalSeries of(LocalDate first, LocalDate end, int scaler, String unit, Function<Instant, Long> reading) {
        CurveRange range = new CurveRange(first, end, CurveRange.BERLIN);
        SeriesBuilder b = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
        for (int slot = 0; slot <= range.slotCount(); slot++) {
            Instant at = range.from().plus(CurveRange.SLOT.multipliedBy(slot));
            Long value = reading.apply(at);
            if (value != null) {
                b.reading(at.getEpochSecond(), value, scaler, unit, 0);
            }
        }
        return b.build();
    }

    static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(CurveRange.BERLIN).toInstant();
    }

    static ZonedDateTime zoned(Instant at) {
        return at.atZone(CurveRange.BERLIN);
    }

    /** The slot of {@code at} in {@code series}. */
    static int slot(IntervalSeries series, Instant at) {
        return (int) ((at.getEpochSecond() - series.startEpochSecond()) / CurveRange.SLOT.getSeconds());
    }
}
