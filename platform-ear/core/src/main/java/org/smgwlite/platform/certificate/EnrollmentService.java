package org.smgwlite.platform.certificate;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.platform.audit.AuditAction;
import org.smgwlite.platform.audit.AuditLog;
import org.smgwlite.platform.certificate.CertificateRefusedException.Kind;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.tenant.TenantService;

/**
 * The Wirk-PKI's application service, called by the EST endpoints and the operator API: first enrollment
 * with a one-time code, renewal with the current client certificate, revocation, a tenant's CA certificates
 * and CRL, and identifying the gateway behind a device-port client certificate.
 *
 * <p>Each call's work runs in its own transaction ({@link CertificateRecords}); the outcome, issued or
 * refused, is then written to the audit log in another one, so a refusal is recorded although its work was
 * rolled back. Refusals are {@link CertificateRefusedException}s naming the reason. First enrollment is throttled
 * after failed attempts ({@link EnrollmentAttempts}); requests for unknown tenants are not audited one by one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EnrollmentService {

    @Inject
    CertificateRecords records;

    @Inject
    TenantCas cas;

    @Inject
    TenantService tenants;

    @Inject
    AuditLog audit;

    @Inject
    EnrollmentAttempts attempts;

    /**
     * {@code /simpleenroll}: issues a TLS client certificate for {@code gatewayId} if {@code code} is one of
     * its unused, unexpired enrollment codes and the CSR is well-formed, signed, on the tenant's curve and
     * names that gateway. The code is used up in the same transaction.
     */
    public IssuedCertificate enroll(TenantId tenant, String gatewayId, String code, byte[] csrBody, String client) {
        String actor = "gateway:" + gatewayId + "@" + client;
        String subject = "gateway:" + gatewayId;
        attempts.check(tenant, gatewayId, client);
        requireTenant(tenant, client);
        try {
            GatewayId id = InputIds.gateway(gatewayId);
            IssuedCertificate issued = records.enroll(tenant, id, code == null ? "" : code, csrBody);
            attempts.succeeded(tenant, gatewayId);
            audit.success(tenant, actor, AuditAction.CERTIFICATE_ISSUED, subject, issued.auditSummary());
            return issued;
        } catch (CertificateRefusedException e) {
            if (e.kind() == Kind.NOT_AUTHENTICATED) {
                attempts.failed(tenant, gatewayId, client);
            }
            audit.refused(tenant, actor, AuditAction.ENROLLMENT_REFUSED, subject, e.auditReason() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * {@code /simplereenroll} ({@code GATEWAY_TLS}) and {@code /signature/simplereenroll} ({@code GATEWAY_SIGNATURE}):
     * a new certificate of {@code profile} for the gateway whose current TLS certificate {@code clientCertificate} is.
     */
    public IssuedCertificate reenroll(TenantId tenant, Optional<X509Certificate> clientCertificate, byte[] csrBody, String client,
                                      CertificateProfile profile) {
        String subject = clientCertificate.map(c -> "certificate:" + c.getSerialNumber().toString(16)).orElse("certificate:none");
        String actor = clientCertificate.map(c -> c.getSubjectX500Principal().getName()).orElse("anonymous") + "@" + client;
        requireTenant(tenant, client);
        try {
            X509Certificate presented = clientCertificate.orElseThrow(() -> new CertificateRefusedException(
                    Kind.NOT_AUTHENTICATED, "NO_CLIENT_CERTIFICATE",
                    "renewal needs the gateway's current client certificate (use the device port)"));
            IssuedCertificate issued = records.renew(tenant, presented, csrBody, profile);
            audit.success(tenant, actor, AuditAction.CERTIFICATE_RENEWED, "gateway:" + issued.gatewayId().orElseThrow(),
                    "previous=" + presented.getSerialNumber().toString(16) + " " + issued.auditSummary());
            return issued;
        } catch (CertificateRefusedException e) {
            audit.refused(tenant, actor, AuditAction.RENEWAL_REFUSED, subject, e.auditReason() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * Revokes every valid certificate of the gateway; the next CRL lists them and the device port refuses
     * them from the commit on. Returns the serials revoked now (empty if there were none).
     */
    public List<String> revoke(TenantId tenant, String gatewayId, RevocationReason reason, String operator) {
        GatewayId id = InputIds.gateway(gatewayId);
        List<String> serials = records.revoke(tenant, id, reason);
        for (String serial : serials) {
            audit.success(tenant, operator, AuditAction.CERTIFICATE_REVOKED, "gateway:" + id, "serial=" + serial + " reason=" + reason);
        }
        return serials;
    }

    /**
     * Revokes one certificate of the gateway with {@code reason}; the next CRL lists it and the device port refuses it
     * from the commit on.
     *
     * @throws org.smgwlite.platform.shared.ConflictException if it was revoked already
     */
    public GatewayCertificate revokeCertificate(TenantId tenant, String gatewayId, String serial, RevocationReason reason,
                                                String operator) {
        GatewayId id = InputIds.gateway(gatewayId);
        GatewayCertificate revoked = records.revokeOne(tenant, id, serial, reason);
        audit.success(tenant, operator, AuditAction.CERTIFICATE_REVOKED, "gateway:" + id,
                "serial=" + revoked.serialHex() + " reason=" + reason);
        return revoked;
    }

    /** {@code /cacerts}: the tenant CA's chain, tenant CA first, root last. */
    public List<X509Certificate> caCertificates(TenantId tenant) {
        requireTenant(tenant);
        return cas.forTenant(tenant).chain();
    }

    public X509CRL crl(TenantId tenant) {
        requireTenant(tenant);
        return cas.crl(tenant);
    }

    /**
     * The gateway presenting {@code clientCertificate} on the device port.
     *
     * @throws CertificateRefusedException {@code NOT_AUTHENTICATED} without a certificate, {@code FORBIDDEN}
     *                                     for one we did not issue, a revoked or an expired one
     */
    public DeviceIdentity identify(Optional<X509Certificate> clientCertificate) {
        X509Certificate presented = clientCertificate.orElseThrow(() -> new CertificateRefusedException(
                Kind.NOT_AUTHENTICATED, "NO_CLIENT_CERTIFICATE", "the device port needs a client certificate"));
        TenantId tenant = TenantOfCertificate.of(presented).orElseThrow(() -> new CertificateRefusedException(
                Kind.FORBIDDEN, "UNKNOWN_CERTIFICATE", "client certificate names no tenant"));
        return records.identify(tenant, presented);
    }

    /** An unknown tenant on the unauthenticated EST paths: counted and logged sparsely, no audit row per request. */
    private void requireTenant(TenantId tenant, String client) {
        try {
            requireTenant(tenant);
        } catch (NotFoundException e) {
            attempts.unknownTenant(tenant, client);
            throw e;
        }
    }

    private void requireTenant(TenantId tenant) {
        if (tenants.find(tenant).isEmpty()) {
            throw new NotFoundException("tenant", tenant);
        }
    }
}
