package org.smgwlite.platform.metering.mscons;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One quarter hour's energy in kWh, exact, starting at {@code start} (UTC, on a quarter hour). */
public record QuarterHour(Instant start, BigDecimal energyKwh, Qualifier qualifier) {

    public QuarterHour {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(energyKwh, "energyKwh");
        Objects.requireNonNull(qualifier, "qualifier");
        if (start.getEpochSecond() % 900 != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("a quarter hour starts on a quarter hour, not at " + start);
        }
    }

    public Instant end() {
        return start.plusSeconds(900);
    }
}
