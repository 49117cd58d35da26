package org.smgwlite.pki.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generates, hashes and verifies one-time enrollment codes (like a meter PIN: single use, expiring, stored
 * hashed). The stored form is {@code v1$<salt>$<mac>} with {@code mac = HMAC-SHA256(pepper, salt || code)}:
 * the per-code salt defeats precomputation, the pepper (a secret from configuration, not in the database)
 * makes a stolen table useless on its own. 80 random bits need no slow hash. Plain JDK; thread-safe.
 */
public final class EnrollmentCodes {

    /** Peppers shorter than this are refused; 32 random bytes from configuration is the intended size. */
    public static final int MIN_PEPPER_BYTES = 32;

    private static final String VERSION = "v1";
    private static final int SALT_BYTES = 16;
    private static final String MAC = "HmacSHA256";

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec pepper;
    private final Clock clock;

    public EnrollmentCodes(byte[] pepper) {
        this(pepper, Clock.systemUTC());
    }

    public EnrollmentCodes(byte[] pepper, Clock clock) {
        if (pepper == null || pepper.length < MIN_PEPPER_BYTES) {
            throw new IllegalArgumentException("enrollment code pepper must have at least " + MIN_PEPPER_BYTES + " bytes");
        }
        this.pepper = new SecretKeySpec(pepper, MAC);
        this.clock = clock;
    }

    /** A new random code, valid for {@code validity} from now, with the hash to store. */
    public NewEnrollmentCode generate(Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        char[] chars = new char[EnrollmentCode.LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = EnrollmentCode.ALPHABET.charAt(random.nextInt(EnrollmentCode.ALPHABET.length()));
        }
        EnrollmentCode code = EnrollmentCode.ofNormalized(new String(chars));
        return new NewEnrollmentCode(code,
                new StoredEnrollmentCode(hash(code), clock.instant().plus(validity), Optional.empty()));
    }

    /** A salted, peppered hash of the code; differs on every call for the same code. */
    public String hash(EnrollmentCode code) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return VERSION + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(mac(salt, code));
    }

    /** True if the code hashes to {@code storedHash}; constant time in the code. */
    public boolean matches(EnrollmentCode code, String storedHash) {
        String[] parts = storedHash.split("\\$");
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("not an enrollment code hash of version " + VERSION);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[2]);
        return MessageDigest.isEqual(mac(b64.decode(parts[1]), code), expected);
    }

    /**
     * Checks a code a client presented (HTTP Basic password of {@code /simpleenroll}) against the stored record.
     * The hash is compared first and always, so that timing does not tell an expired code from a wrong one.
     *
     * @throws EnrollmentCodeRejectedException saying whether the code was malformed, wrong, expired or used
     */
    public void verify(String presented, StoredEnrollmentCode stored) {
        EnrollmentCode code;
        try {
            code = EnrollmentCode.parse(presented);
        } catch (MalformedEnrollmentCodeException e) {
            throw new EnrollmentCodeRejectedException(EnrollmentCodeRejectedException.Reason.MALFORMED, e.getMessage());
        }
        boolean match = matches(code, stored.hash());
        if (!match) {
            throw new EnrollmentCodeRejectedException(EnrollmentCodeRejectedException.Reason.WRONG_CODE,
                    "enrollment code does not match");
        }
        if (stored.usedAt().isPresent()) {
            throw new EnrollmentCodeRejectedException(EnrollmentCodeRejectedException.Reason.ALREADY_USED,
                    "enrollment code was already used at " + stored.usedAt().get());
        }
        Instant now = clock.instant();
        if (!now.isBefore(stored.expiresAt())) {
            throw new EnrollmentCodeRejectedException(EnrollmentCodeRejectedException.Reason.EXPIRED,
                    "enrollment code expired at " + stored.expiresAt());
        }
    }

    private byte[] mac(byte[] salt, EnrollmentCode code) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(pepper);
            mac.update(salt);
            byte[] codeBytes = code.normalized().getBytes(StandardCharsets.US_ASCII);
            byte[] result = mac.doFinal(codeBytes);
            Arrays.fill(codeBytes, (byte) 0);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + MAC, e);
        }
    }
}
