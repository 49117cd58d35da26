package org.smgwlite.agent.meter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;

/**
 * A reading's value, exact: numbers are an unscaled integer plus a power-of-ten scaler, never a double.
 */
public sealed interface MeterValue {

    /** The text form used in CSV output and logs. */
    String toPlainString();

    /**
     * {@code unscaled * 10^scaler} in {@code unit}. The unscaled value fits a long except for
     * Unsigned64 readings above {@link Long#MAX_VALUE}, which keep their {@link BigInteger}.
     *
     * @param unit the unit, or {@code null} when the meter sent none
     */
    record Number(long unscaled, BigInteger bigUnscaled, int scaler, DlmsUnit unit) implements MeterValue {

        public static Number of(long unscaled, int scaler, DlmsUnit unit) {
            return new Number(unscaled, null, scaler, unit);
        }

        public static Number of(BigInteger unscaled, int scaler, DlmsUnit unit) {
            return unscaled.bitLength() < 64
                    ? new Number(unscaled.longValueExact(), null, scaler, unit)
                    : new Number(0, unscaled, scaler, unit);
        }

        public BigInteger unscaledValue() {
            return bigUnscaled != null ? bigUnscaled : BigInteger.valueOf(unscaled);
        }

        /** The exact value; its scale is {@code max(0, -scaler)}. */
        public BigDecimal decimal() {
            BigDecimal d = bigUnscaled != null ? new BigDecimal(bigUnscaled) : BigDecimal.valueOf(unscaled);
            return d.scaleByPowerOfTen(scaler).setScale(Math.max(0, -scaler));
        }

        /** Scaled value printed with {@code -scaler} decimals, e.g. unscaled 3562400, scaler -2: 35624.00. */
        @Override
        public String toPlainString() {
            if (bigUnscaled == null && scaler <= 0 && scaler > -19) {
                return formatLong(unscaled, -scaler);
            }
            return decimal().toPlainString();
        }

        public String unitSymbol() {
            return unit == null ? "" : unit.symbol();
        }

        private static String formatLong(long value, int decimals) {
            if (decimals == 0) {
                return Long.toString(value);
            }
            boolean negative = value < 0;
            String digits = negative ? BigInteger.valueOf(value).negate().toString() : Long.toString(value);
            StringBuilder sb = new StringBuilder(digits.length() + decimals + 3);
            if (negative) {
                sb.append('-');
            }
            if (digits.length() <= decimals) {
                sb.append("0.");
                for (int i = digits.length(); i < decimals; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else {
                sb.append(digits, 0, digits.length() - decimals).append('.')
                        .append(digits, digits.length() - decimals, digits.length());
            }
            return sb.toString();
        }
    }

    /** An octet string (ids, keys, firmware versions), printed as lowercase hex. */
    record Octets(byte[] bytes) implements MeterValue {
        @Override
        public String toPlainString() {
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** A D0 value that is text rather than a number (e.g. a meter address or a date). */
    record Text(String text) implements MeterValue {
        @Override
        public String toPlainString() {
            return text;
        }
    }

    record Flag(boolean value) implements MeterValue {
        @Override
        public String toPlainString() {
            return Boolean.toString(value);
        }
    }
}
