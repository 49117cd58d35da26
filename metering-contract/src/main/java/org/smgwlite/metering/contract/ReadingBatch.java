package org.smgwlite.metering.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one upload carries: the gateway's values not yet acknowledged and its Eichlog (calibration log)
 * entries since the last upload, each Eichlog entry as its verbatim line
 * ({@code n TAB time TAB type TAB detail TAB prevHash TAB hash}).
 */
public record ReadingBatch(String gatewayId, Instant createdAt, List<BatchValue> values, List<String> eichlog) {

    public ReadingBatch {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(createdAt, "createdAt");
        values = List.copyOf(values);
        eichlog = List.copyOf(eichlog);
        for (String line : eichlog) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("an Eichlog entry must be one line");
            }
        }
    }
}
