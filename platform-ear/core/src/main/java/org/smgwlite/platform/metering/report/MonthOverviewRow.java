package org.smgwlite.platform.metering.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.smgwlite.platform.metering.Origin;
import org.smgwlite.platform.metering.query.Register;

/**
 * One household register's stored month report, as the tenant overview lists it (worst completeness first).
 * TAF 1 and TAF 2 fields are null when the month has no data ({@code hasData} false) or, for TAF 2, no tariff profile.
 * {@code legacyQuarterHours} ({@link Taf7Completeness}) and the boundaries' origins are null in rows of a run before
 * V19 (until the month is run again).
 */
public record MonthOverviewRow(long householdId, String name, String messlokationId, Register register,
                               boolean hasData, int expected, int trueValues, int substitutes, int gaps, int pending,
                               List<Integer> ptbCounts, Integer legacyQuarterHours, BigDecimal completenessPercent,
                               RegisterValue first, RegisterValue last,
                               ReadingKind startKind, BigDecimal startValue, String startMethod, Origin startOrigin,
                               ReadingKind endKind, BigDecimal endValue, String endMethod, Origin endOrigin, String unit,
                               BigDecimal energyWh, String tariffProfile, List<ZoneEnergy> zones, BigDecimal errorWh,
                               BigDecimal totalWh, Integer missing, Instant computedAt) {
}
