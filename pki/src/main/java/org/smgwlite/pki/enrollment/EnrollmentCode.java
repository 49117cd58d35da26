package org.smgwlite.pki.enrollment;

import java.util.Objects;

/**
 * A one-time code as an operator reads it out or a technician types it: 16 characters of Crockford base32
 * (80 random bits) in groups of four, e.g. {@code 7KQ2-M9XD-HA3T-0VRC}. Typing is forgiving: case, dashes,
 * spaces and the look-alikes O/0 and I/L/1 do not matter. {@link #toString()} never shows the code, so it
 * cannot end up in a log by accident; {@link #value()} does.
 */
public final class EnrollmentCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 16;

    private final String normalized;

    private EnrollmentCode(String normalized) {
        this.normalized = normalized;
    }

    /**
     * @throws MalformedEnrollmentCodeException if the text, once normalised, is not 16 base32 characters
     */
    public static EnrollmentCode parse(String typed) {
        Objects.requireNonNull(typed, "code");
        StringBuilder out = new StringBuilder(LENGTH);
        for (char c : typed.toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char u = Character.toUpperCase(c);
            u = switch (u) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> u;
            };
            if (ALPHABET.indexOf(u) < 0) {
                throw new MalformedEnrollmentCodeException("enrollment code contains a character outside its alphabet");
            }
            out.append(u);
        }
        if (out.length() != LENGTH) {
            throw new MalformedEnrollmentCodeException(
                    "enrollment code must have " + LENGTH + " characters, has " + out.length());
        }
        return new EnrollmentCode(out.toString());
    }

    static EnrollmentCode ofNormalized(String normalized) {
        return new EnrollmentCode(normalized);
    }

    /** The code in groups of four, as shown to the operator once. */
    public String value() {
        return String.join("-", normalized.substring(0, 4), normalized.substring(4, 8),
                normalized.substring(8, 12), normalized.substring(12, 16));
    }

    /** The canonical form that is hashed: 16 upper-case characters, no dashes. */
    String normalized() {
        return normalized;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnrollmentCode other && java.security.MessageDigest.isEqual(
                normalized.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                other.normalized.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    @Override
    public String toString() {
        return "EnrollmentCode[****]";
    }
}
