package org.smgwlite.platform.certificate;

import java.time.Instant;

/**
 * The platform root as a gateway owner pins it: subject, validity, the SHA-256 fingerprint in the form the enrollment
 * answer gives it ({@code rootSha256}: colon-separated upper-case pairs, as {@code openssl x509 -fingerprint -sha256}
 * prints them) and the certificate as PEM.
 */
public record RootSummary(String subject, Instant notBefore, Instant notAfter, String sha256, String pem) {
}
