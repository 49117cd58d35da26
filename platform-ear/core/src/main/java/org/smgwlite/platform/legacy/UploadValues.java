package org.smgwlite.platform.legacy;

import java.util.ArrayList;
import java.util.List;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.platform.metering.HighResolutionReading;
import org.smgwlite.platform.metering.IngestionReport;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.RejectReason;

/**
 * A decoded ring buffer as the ingestion rule's input, without a database: entries with 1.8.0 = 0 skipped (the
 * firmware never stores one, the PHP backend skipped them too), the rest assigned to quarter hours
 * ({@link SlotAssignment}), slot values with the legacy PTB level ({@link Origin#LEGACY_PTB_LEVEL}), slots not after
 * 2020 refused here ({@link RejectReason#BEFORE_2020}), the other entries as high-resolution readings. A value's
 * line is its entry's position in the body, 1-based.
 *
 * @param values        the slot values, in slot order
 * @param lines         the body line of each of {@code values}
 * @param refused       slot values refused before the rule (clock before 2020)
 * @param hires         the readings between the quarter hours
 * @param skipped       entries with 1.8.0 = 0
 */
public record UploadValues(List<BatchValue> values, List<Integer> lines, List<IngestionReport.Reject> refused,
                           List<HighResolutionReading> hires, int skipped) {

    public static UploadValues of(List<FirmwareEntry> entries, long householdId) {
        List<FirmwareEntry> kept = entries.stream().filter(e -> e.m180TenthWh() > 0).toList();
        SlotAssignment.Result assigned = SlotAssignment.assign(kept);
        List<BatchValue> values = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<IngestionReport.Reject> refused = new ArrayList<>();
        for (SlotAssignment.SlotReading r : assigned.slotReadings()) {
            int line = r.entry().index() + 1;
            for (BatchValue v : SlotAssignment.batchValues(r, householdId, Origin.LEGACY_PTB_LEVEL)) {
                if (!v.slotStart().isAfter(Origin.EPOCH_MIN)) {
                    refused.add(new IngestionReport.Reject(line, v.obis(), v.slotStart(), RejectReason.BEFORE_2020,
                            "entry time " + r.entry().timestamp() + " is not after " + Origin.EPOCH_MIN + " (device clock not set)"));
                    continue;
                }
                values.add(v);
                lines.add(line);
            }
        }
        List<HighResolutionReading> hires = new ArrayList<>();
        for (FirmwareEntry e : assigned.highResolution()) {
            for (SlotAssignment.RegisterValue v : SlotAssignment.registers(e)) {
                hires.add(new HighResolutionReading(e.index() + 1, v.at(), v.obis(), v.unscaled(), v.scaler(), v.unit()));
            }
        }
        return new UploadValues(List.copyOf(values), List.copyOf(lines), List.copyOf(refused), List.copyOf(hires),
                entries.size() - kept.size());
    }

    /** The body line of value {@code i} of {@link #values}. */
    public int lineOf(int i) {
        return lines.get(i);
    }
}
