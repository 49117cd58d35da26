package org.smgwlite.pki.crl;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** One entry of a CRL: which serial, since when, why. */
public record RevokedCertificate(BigInteger serial, Instant revokedAt, RevocationReason reason) {

    public RevokedCertificate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(reason, "reason");
        if (serial.signum() <= 0) {
            throw new IllegalArgumentException("serial must be positive");
        }
    }
}
