package org.smgwlite.platform.certificate;

import java.math.BigInteger;
import java.time.Instant;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;

/**
 * What an operator and a platform administrator see of a tenant's issuing CA: who it is, on which curves it issues,
 * its chain for download, its current CRL (the one {@code /crl/<tenant>.crl} serves) and how many certificates it
 * has issued and revoked. No key material.
 *
 * @param chainPem  the CA certificate and the platform root, PEM
 * @param crlNumber the number of the current CRL (RFC 5280 5.2.3)
 */
public record TenantCaSummary(TenantId tenant, String subject, CurvePolicy policy, Instant notBefore, Instant notAfter,
                              String chainPem, BigInteger crlNumber, Instant crlThisUpdate, Instant crlNextUpdate,
                              long issued, long revoked) {
}
