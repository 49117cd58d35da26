package org.smgwlite.platform.metering.report;

import java.math.BigDecimal;

/** Energy of one tariff zone in a month, exact in Wh. */
public record ZoneEnergy(String zone, BigDecimal energyWh) {
}
