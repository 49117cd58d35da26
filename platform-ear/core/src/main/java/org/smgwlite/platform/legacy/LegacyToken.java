package org.smgwlite.platform.legacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The secret an SMGW.Lite gateway sends in its {@code X-Auth-Token} header, stored as the firmware's own backend
 * stores it: the lower-case hex SHA-256 of its UTF-8 bytes (the {@code clients.token} column), so a backend's table
 * can be imported and its devices keep their tokens.
 *
 * <p>A new token is {@value #LENGTH} characters from an alphabet without look-alikes ({@code 0 o 1 l} left out):
 * 160 random bits, typed or pasted into the firmware's settings page (its token field holds up to 127 characters and
 * the firmware sends it unencoded in a header line, so only letters and digits).
 */
public final class LegacyToken {

    public static final int LENGTH = 32;
    /** The firmware's token field: {@code char[128]} with the terminating zero. */
    public static final int FIRMWARE_MAX_LENGTH = 127;
    static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private LegacyToken() {
    }

    /** A new random token; shown once to the operator, only its {@link #sha256Hex hash} is stored. */
    public static String generate(SecureRandom random) {
        StringBuilder token = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes, as PHP's {@code hash('sha256', $token)}. */
    public static String sha256Hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether {@code presented} (the header's value, {@code null} when missing) hashes to {@code storedSha256Hex}. Time
     * does not depend on where the hashes differ ({@link MessageDigest#isEqual}); a missing or empty token never matches.
     */
    public static boolean matches(String presented, String storedSha256Hex) {
        if (presented == null || presented.isEmpty() || storedSha256Hex == null) {
            return false;
        }
        byte[] expected = storedSha256Hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = sha256Hex(presented).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether {@code hex} is a SHA-256 in hex (either case), as the {@code clients.token} column holds. */
    public static boolean isSha256Hex(String hex) {
        return hex != null && SHA256_HEX.matcher(hex.toLowerCase(Locale.ROOT)).matches();
    }
}
