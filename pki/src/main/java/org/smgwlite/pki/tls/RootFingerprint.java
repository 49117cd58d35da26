package org.smgwlite.pki.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.smgwlite.pki.ca.IssuedCertificate;

/**
 * The SHA-256 fingerprint of the platform root, the short form of a gateway's trust anchor that an operator
 * reads out next to the enrollment code. With it a gateway may fetch {@code /cacerts} without trust (RFC 7030
 * 4.1.1 bootstrap) and keep only the root whose fingerprint it was given; nothing else of that answer is used.
 *
 * @param hex 64 lower-case hex digits, no separators
 */
public record RootFingerprint(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public RootFingerprint {
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits (colons allowed), was '" + hex + "'");
        }
    }

    /** Accepts the forms operators copy: {@code AB:CD:...}, {@code abcd...}, with spaces around. */
    public static RootFingerprint parse(String text) {
        return new RootFingerprint(text.strip().replace(":", "").toLowerCase(Locale.ROOT));
    }

    public static RootFingerprint of(X509Certificate certificate) {
        return new RootFingerprint(IssuedCertificate.fingerprint(certificate));
    }

    /** The self-signed certificate among {@code candidates} with this fingerprint, if there is one. */
    public Optional<X509Certificate> pick(List<X509Certificate> candidates) {
        return candidates.stream()
                .filter(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                .filter(c -> of(c).equals(this))
                .findFirst();
    }

    /** Colon-separated upper-case pairs, as {@code openssl x509 -fingerprint -sha256} prints them. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            s.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return s.toString().toUpperCase(Locale.ROOT);
    }
}
