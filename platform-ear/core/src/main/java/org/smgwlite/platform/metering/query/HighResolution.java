package org.smgwlite.platform.metering.query;

/**
 * A household's fine lines for a short range (the day view): import and export, each empty where the household has
 * no high-resolution readings (every signed gateway; SMGW.Lite gateways store them, {@code meter_reading_hires}).
 */
public record HighResolution(CurveRange range, HighResolutionSeries imports, HighResolutionSeries exports) {

    public HighResolutionSeries series(Register register) {
        return register == Register.IMPORT ? imports : exports;
    }

    /** Whether either register has a fine line to show. */
    public boolean any() {
        return !imports.isEmpty() || !exports.isEmpty();
    }
}
