package org.smgwlite.metering.contract;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One period value as the gateway sends it. Exact: {@code value = unscaled * 10^scaler}. The platform
 * validates the content (alignment, monotony, plausibility); this record only guarantees well-formed fields.
 *
 * @param householdId the metering point (household) the value belongs to
 * @param taf         7 (periodic, {@code slotStart} a period boundary) or 6 (on demand)
 * @param slotStart   UTC start of the period (TAF 7) or the reading time (TAF 6)
 * @param obis        register, {@code A-B:C.D.E*F} in decimal
 * @param ptbLevel    0 ok .. 4 fatal
 * @param flags       the gateway's status bits, as sent
 * @param requestId   TAF 6 only: the platform's request this reading answers ({@code null} for TAF 7 and for a
 *                    TAF 6 reading taken locally, without a platform request)
 */
public record BatchValue(long householdId, int taf, Instant slotStart, String obis, BigInteger unscaled, int scaler,
                         String unit, int ptbLevel, int flags, Long requestId) {

    /** OBIS in its decimal text form, e.g. {@code 1-0:1.8.0*255}. */
    public static final Pattern OBIS = Pattern.compile("\\d{1,3}-\\d{1,3}:\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\*\\d{1,3}");
    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9/²]{1,16}");
    /** numeric(30,0) in the database. */
    private static final BigInteger LIMIT = BigInteger.TEN.pow(30);

    public BatchValue {
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(obis, "obis");
        Objects.requireNonNull(unscaled, "unscaled");
        Objects.requireNonNull(unit, "unit");
        if (taf != 6 && taf != 7) {
            throw new IllegalArgumentException("taf must be 6 or 7, was " + taf);
        }
        if (!OBIS.matcher(obis).matches()) {
            throw new IllegalArgumentException("obis '" + obis + "' is not A-B:C.D.E*F");
        }
        if (unscaled.abs().compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("unscaled value has more than 30 digits");
        }
        if (scaler < -20 || scaler > 20) {
            throw new IllegalArgumentException("scaler out of range -20..20: " + scaler);
        }
        if (!UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("unit '" + unit + "' is not 1-16 letters/digits");
        }
        if (ptbLevel < 0 || ptbLevel > 4) {
            throw new IllegalArgumentException("ptb level out of range 0..4: " + ptbLevel);
        }
        if (requestId != null && taf != 6) {
            throw new IllegalArgumentException("only a TAF 6 value answers a request, this is TAF " + taf);
        }
        if (requestId != null && requestId <= 0) {
            throw new IllegalArgumentException("request id must be positive, was " + requestId);
        }
    }

    /** A value that answers no platform request (every TAF 7 value, a locally taken TAF 6 reading). */
    public BatchValue(long householdId, int taf, Instant slotStart, String obis, BigInteger unscaled, int scaler,
                      String unit, int ptbLevel, int flags) {
        this(householdId, taf, slotStart, obis, unscaled, scaler, unit, ptbLevel, flags, null);
    }
}
