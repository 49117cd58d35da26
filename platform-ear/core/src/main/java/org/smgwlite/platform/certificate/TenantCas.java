package org.smgwlite.platform.certificate;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.crl.CrlSigner;
import org.smgwlite.platform.cluster.ClusterChannel;
import org.smgwlite.platform.cluster.ClusterResync;
import org.smgwlite.platform.cluster.ClusterSignal;
import org.smgwlite.platform.cluster.ClusterSignals;

/**
 * The tenants' issuing CAs and their current CRLs. A CA is kept in memory: opening its key costs a quarter of a second
 * (PBKDF2), so each is opened once per server start (a tenant CA never changes once stored in {@code tenant_ca}, so every
 * node may keep it). A CRL is issued once per deployment group and stored in {@code tenant_ca} ({@link StoredCrls}):
 * every node serves that one, so their CRLs and numbers agree; it is reissued when a revocation happened or when a
 * quarter of its validity has passed, so a published CRL is never close to its nextUpdate. Each node keeps a copy of
 * the stored CRL while it is fresh; a revocation on any node of the deployment group drops the tenant's copy on every
 * node ({@link #revoked}), and after the node's signal listener reconnected every copy is dropped, since a revocation
 * signal may have been missed.
 */
@ApplicationScoped
public class TenantCas {

    private final ConcurrentMap<String, CertificateAuthority> authorities = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, X509CRL> crls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> crlLocks = new ConcurrentHashMap<>();
    /** Counts drops of cached CRLs: a CRL issued while one happened is not kept. */
    private final AtomicLong drops = new AtomicLong();

    @Inject
    TenantCaStore store;

    @Inject
    CertificateRecords records;

    @Inject
    PkiSettings settings;

    @Inject
    ClusterSignals signals;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public CertificateAuthority forTenant(TenantId tenant) {
        return authorities.computeIfAbsent(tenant.value(), t -> store.loadOrCreate(tenant));
    }

    /**
     * The tenant CA's current CRL, listing every revoked certificate of the tenant: this node's copy while fresh, else
     * the deployment group's stored one, issued now (by this node or another) if it is missing or due.
     */
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
            long before = drops.get();
            X509CRL crl = store.crl(tenant, number -> ca.issueCrl(records.revoked(tenant), number, settings.crlValidity()));
            if (drops.get() == before) { // else a revocation may have committed after it was read or issued: not kept
                crls.put(tenant.value(), crl);
            }
            return crl;
        }
    }

    /**
     * The tenant's CA as operators see it ({@link TenantCaSummary}), with its current CRL (issued now if the cached
     * one is due), or empty if the tenant has no CA yet: looking does not create one (the first enrollment code does).
     */
    public Optional<TenantCaSummary> summary(TenantId tenant) {
        if (store.existingPolicy(tenant).isEmpty()) {
            return Optional.empty();
        }
        CertificateAuthority ca = forTenant(tenant);
        X509Certificate certificate = ca.certificate();
        X509CRL crl = crl(tenant);
        CertificateRecords.CertificateCounts counts = records.counts(tenant);
        return Optional.of(new TenantCaSummary(tenant, certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                ca.policy(), certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), ca.chainPem(),
                CrlSigner.number(crl), crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant(),
                counts.issued(), counts.revoked()));
    }

    /**
     * Call inside the transaction that revoked {@code serials} of {@code tenant}: once it commits, this node drops the
     * tenant's CRL at once and every node (this one again) on the {@link ClusterChannel#REVOCATION} signal, so the next
     * {@link #crl} call anywhere reads the stored CRL again, which the revocation cleared (V24), and a CRL that lists them
     * is issued. A rollback drops nothing.
     */
    public void revoked(TenantId tenant, List<String> serials) {
        signals.send(ClusterChannel.REVOCATION, new RevocationSignal(tenant, serials).payload());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    revocationsChanged(tenant);
                }
            }
        });
    }

    /** A revocation was committed: the next {@link #crl} call reads the stored CRL, which the revocation cleared. */
    void revocationsChanged(TenantId tenant) {
        drops.incrementAndGet();
        crls.remove(tenant.value());
    }

    void onSignal(@Observes ClusterSignal signal) {
        if (signal.channel() == ClusterChannel.REVOCATION) {
            revocationsChanged(RevocationSignal.ofPayload(signal.payload()).tenant());
        }
    }

    void dropAll(@Observes ClusterResync resync) {
        drops.incrementAndGet();
        crls.clear();
    }

    private boolean isFresh(X509CRL crl) {
        return StoredCrls.isFresh(crl, settings.crlValidity(), Instant.now());
    }

    private Object lockFor(TenantId tenant) {
        return crlLocks.computeIfAbsent(tenant.value(), t -> new Object());
    }
}
