package org.smgwlite.platform.metering.query;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.smgwlite.platform.metering.Origin;

/**
 * The CSV lines of a curve, one per quarter hour and register, slot by slot. The register
 * reading is the stored one at the slot's start, exact; the interval energy is that of the quarter
 * hour starting at the slot (next reading minus this one), so the energies of a day add up to the
 * day's total. A gap has an empty energy, status {@code gap} and the reason; a quarter hour that is not due yet
 * ({@link ExpectedSlots}: after now, or after the newest reading in the current period) has status {@code pending}.
 * A quarter hour whose energy rests on a substitute value (Ersatzwert) at its start or end has status
 * {@code substitute:<method>} and an empty PTB level (it is no true value); its register reading is the substitute's.
 *
 * <p>The last column, {@code origin}, says where the quarter hour's energy came from: {@code legacy} when either
 * reading it rests on came through the SMGW.Lite door (an unsigned gateway, PTB level 3), else {@code signed}; empty
 * where there is no energy (gap, pending). A substitute's energy is {@code legacy} when a true reading it was made
 * from (its gap's bounds) or the interval's other reading is legacy: an Ersatzwert is no better than its base.
 */
public final class CsvRows {

    public static final String HEADER =
            "slot_start_utc,slot_start_local,obis,register_reading,unit,interval_energy_wh,ptb_level,status,gap_reason,origin\n";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private CsvRows() {
    }

    public static void write(LoadCurve curve, Writer out) throws IOException {
        ZoneId zone = curve.range().zone();
        IntervalSeries[] both = {curve.imports(), curve.exports()};
        StringBuilder line = new StringBuilder(160);
        for (int i = 0; i < curve.imports().size(); i++) {
            Instant slot = curve.imports().intervalStart(i);
            String utc = slot.toString();
            String local = LOCAL.format(slot.atZone(zone));
            for (IntervalSeries s : both) {
                if (!s.metered()) {
                    continue;
                }
                line.setLength(0);
                line.append(utc).append(',').append(local).append(',').append(s.register().obis()).append(',');
                append(line, s.readingAtStart(i)).append(',');
                line.append(s.unit(i) == null ? "" : s.unit(i)).append(',');
                append(line, s.energyWh(i)).append(',');
                String substitute = s.substituteMethod(i);
                line.append(s.isGap(i) || substitute != null ? "" : Integer.toString(s.ptbLevel(i))).append(',');
                boolean missing = curve.missing(s, i);
                line.append(status(s.isGap(i), missing, substitute)).append(',');
                line.append(missing ? quote(s.gapReason(i)) : "").append(',');
                Origin origin = s.origin(i);
                line.append(origin == null ? "" : origin.column()).append('\n');
                out.append(line);
            }
        }
    }

    /** {@code ok}, {@code gap}, {@code pending} or {@code substitute:<method>} (the energy rests on a substitute value). */
    static String status(boolean gap, boolean missing, String substituteMethod) {
        if (!gap) {
            return substituteMethod == null ? "ok" : "substitute:" + substituteMethod;
        }
        return missing ? "gap" : "pending";
    }

    private static StringBuilder append(StringBuilder line, BigDecimal value) {
        return value == null ? line : line.append(value.toPlainString());
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
