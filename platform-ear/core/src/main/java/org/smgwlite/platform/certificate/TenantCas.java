package org.smgwlite.platform.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CertificateAuthority;

/**
 * The tenants' issuing CAs and their current CRLs, kept in memory: opening a CA key costs a quarter of a
 * second (PBKDF2), so each is opened once per server start. A CRL is reissued when a revocation happened
 * or when a quarter of its validity has passed, so a published CRL is never close to its nextUpdate.
 */
@ApplicationScoped
public class TenantCas {

    private final ConcurrentMap<String, CertificateAuthority> authorities = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, X509CRL> crls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> crlLocks = new ConcurrentHashMap<>();

    @Inject
    TenantCaStore store;

    @Inject
    CertificateRecords records;

    @Inject
    PkiSettings settings;

    public CertificateAuthority forTenant(TenantId tenant) {
        return authorities.computeIfAbsent(tenant.value(), t -> store.loadOrCreate(tenant));
    }

    /** The tenant CA's current CRL, listing every revoked certificate of the tenant. */
    public X509CRL crl(TenantId tenant) {
        X509CRL current = crls.get(tenant.value());
        if (current != null && isFresh(current)) {
            return current;
        }
        synchronized (lockFor(tenant)) {
            current = crls.get(tenant.value());
            if (current != null && isFresh(current)) {
                return current;
            }
            CertificateAuthority ca = forTenant(tenant);
            X509CRL issued = ca.issueCrl(records.revoked(tenant), BigInteger.valueOf(store.takeCrlNumber(tenant)),
                    settings.crlValidity());
            crls.put(tenant.value(), issued);
            return issued;
        }
    }

    /** A revocation was committed: the next {@link #crl} call issues a new CRL. */
    public void revocationsChanged(TenantId tenant) {
        crls.remove(tenant.value());
    }

    private boolean isFresh(X509CRL crl) {
        Duration age = Duration.between(crl.getThisUpdate().toInstant(), Instant.now());
        return age.compareTo(settings.crlValidity().dividedBy(4)) < 0;
    }

    private Object lockFor(TenantId tenant) {
        return crlLocks.computeIfAbsent(tenant.value(), t -> new Object());
    }
}
