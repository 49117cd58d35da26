package org.smgwlite.platform.metering.report;

import java.math.BigDecimal;
import java.time.Instant;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.IntervalSeries;
import org.smgwlite.platform.metering.query.WattHours;

/**
 * The register at a billing boundary (TAF 1), exactly the value stored for that slot: a true reading (with its PTB
 * level), a substitute value (with its method) or missing. Never a neighbouring slot's value.
 *
 * @param value exact, in {@code unit}; null when missing
 * @param ptbLevel the reading's PTB level, -1 when missing
 * @param substituteMethod the Ersatzwert method when {@code kind} is SUBSTITUTE, else null
 * @param origin where the reading came from: LEGACY from an SMGW.Lite gateway (unsigned), else SIGNED; a substitute is
 *               LEGACY when it was made from such a reading; null when missing
 */
public record BoundaryReading(Instant at, ReadingKind kind, BigDecimal value, String unit, int ptbLevel,
                              String substituteMethod, Origin origin) {

    /** What the series holds at {@code slot} (0 .. size()). */
    static BoundaryReading at(IntervalSeries series, int slot) {
        Instant at = Instant.ofEpochSecond(series.startEpochSecond() + 900L * slot);
        BigDecimal value = series.readingAt(slot);
        if (value == null) {
            return new BoundaryReading(at, ReadingKind.MISSING, null, null, -1, null, null);
        }
        String method = series.readingSubstituteMethod(slot);
        return new BoundaryReading(at, method == null ? ReadingKind.TRUE : ReadingKind.SUBSTITUTE, value,
                series.unit(slot), series.readingPtbLevel(slot), method, series.readingOrigin(slot));
    }

    /** The reading in Wh, exact; null when missing or not an energy unit. */
    BigDecimal wattHours() {
        return value == null ? null : WattHours.of(value, unit);
    }
}
