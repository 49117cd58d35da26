package org.smgwlite.platform.certificate;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.smgwlite.pki.TenantId;

/**
 * The tenant a gateway certificate belongs to: its subject's OU, which the tenant CA copies from its own
 * subject. Only a hint for where to look: the certificate is accepted only if that tenant's table holds it.
 */
final class TenantOfCertificate {

    private TenantOfCertificate() {
    }

    static Optional<TenantId> of(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("OU")) {
                    return Optional.of(TenantId.of(String.valueOf(rdn.getValue())));
                }
            }
            return Optional.empty();
        } catch (InvalidNameException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
