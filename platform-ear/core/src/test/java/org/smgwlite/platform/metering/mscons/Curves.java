package org.smgwlite.platform.metering.mscons;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveCalculator;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.metering.query.SeriesBuilder;

/** Known household curves for the MSCONS tests, built the way LoadCurveQuery builds them. */
final class Curves {

    static final String MESSLOKATION = "DE0001234567890123456789012345678";
    private static final long STEP = 900;

    private Curves() {
    }

    static CurveRange month(int year, int month) {
        return CurveRange.around(LocalDate.of(year, month, 1), CurveRange.Span.MONTH, CurveRange.BERLIN);
    }

    static CurveRange day(int year, int month, int day) {
        return CurveRange.around(LocalDate.of(year, month, day), CurveRange.Span.DAY, CurveRange.BERLIN);
    }

    /**
     * Import in Wh rising by 17 to 137 Wh per quarter hour (varying with the slot); export in kWh with scaler -3
     * rising by 0 to 4 Wh. Import's slot {@code substituteSlot} is an Ersatzwert (linear), its slots
     * {@code gapFrom..gapTo} have no reading at all; -1 leaves either out.
     */
    static LoadCurve household(CurveRange range, int substituteSlot, int gapFrom, int gapTo) {
        SeriesBuilder imports = new SeriesBuilder(Register.IMPORT, range.from(), range.slotCount());
        SeriesBuilder exports = new SeriesBuilder(Register.EXPORT, range.from(), range.slotCount());
        long t0 = range.from().getEpochSecond();
        long importWh = 5_000_000;
        long exportUnscaled = 1_000_000;
        for (int i = 0; i <= range.slotCount(); i++) {
            long at = t0 + STEP * i;
            if (i == substituteSlot) {
                imports.substitute(at, importWh, 0, "Wh", "linear");
            } else if (i < gapFrom || i > gapTo) {
                imports.reading(at, BigDecimal.valueOf(importWh), 0, "Wh", 0);
            }
            exports.reading(at, BigDecimal.valueOf(exportUnscaled), -3, "kWh", 0);
            importWh += 17 + (i * 7L) % 121;
            exportUnscaled += i % 5;
        }
        return LoadCurveCalculator.curve(range, imports.build(), exports.build());
    }
}
