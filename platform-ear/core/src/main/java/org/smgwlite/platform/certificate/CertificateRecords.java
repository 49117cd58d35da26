package org.smgwlite.platform.certificate;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.PkiException;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.crl.ChainValidator;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.crl.RevokedCertificate;
import org.smgwlite.pki.csr.Csr;
import org.smgwlite.pki.enrollment.EnrollmentCodeRejectedException;
import org.smgwlite.pki.est.EstWireFormat;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.platform.certificate.CertificateRefusedException.Kind;
import org.smgwlite.platform.gateway.EnrollmentCodeRecord;
import org.smgwlite.platform.gateway.Gateway;
import org.smgwlite.platform.gateway.GatewayService;
import org.smgwlite.platform.shared.ConflictException;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * The tenant-bound, transactional half of enrollment, renewal and revocation: checks against the stored
 * codes and certificates, the single use of a code, and the certificate rows. A refusal is a
 * {@link CertificateRefusedException}, which rolls everything back: nothing is issued or consumed.
 * {@link EnrollmentService} calls this and writes the audit log.
 */
@Stateless
public class CertificateRecords {

    @Inject
    TenantEntityManagers entityManagers;

    @Inject
    TenantCas cas;

    @Inject
    PlatformRoot root;

    @Inject
    PkiSettings settings;

    /**
     * First enrollment, authorised by a one-time code of {@code gatewayId}. The caller is authenticated
     * before the request body is looked at, so a stranger learns nothing about CSR checks.
     */
    public IssuedCertificate enroll(TenantId tenant, GatewayId gatewayId, String presentedCode, byte[] csrBody) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Gateway gateway = GatewayService.find(em, gatewayId).orElseThrow(() -> Refusals.codeRefused("UNKNOWN_GATEWAY"));
            if (gateway.isRetired()) {
                throw Refusals.codeRefused("GATEWAY_RETIRED");
            }
            EnrollmentCodeRecord code = matchingCode(em, gateway, presentedCode);
            int marked = em.createQuery("UPDATE EnrollmentCodeRecord c SET c.usedAt = :now WHERE c.id = :id AND c.usedAt IS NULL")
                    .setParameter("now", Instant.now())
                    .setParameter("id", code.id())
                    .executeUpdate();
            if (marked != 1) {
                throw new CertificateRefusedException(Kind.NOT_AUTHENTICATED, "ALREADY_USED", "enrollment code was already used");
            }
            return issue(em, tenant, gateway, EstWireFormat.parseEnrollmentRequest(csrBody), CertificateProfile.GATEWAY_TLS);
        } catch (PkiException e) {
            throw Refusals.of(e);
        }
    }

    /**
     * Renewal, authorised by the gateway's current TLS certificate ({@code presented}, as the TLS layer received
     * it): it must be one we issued and {@linkplain #requireUsable usable}, and still validate up to our root against
     * the tenant's CRL. The new certificate, of {@code profile}, is for the same gateway; the CSR must name it. With
     * {@code GATEWAY_SIGNATURE} the gateway gets (or renews) the certificate of the key that signs its day-after
     * batches (EST label {@code signature}).
     */
    public IssuedCertificate renew(TenantId tenant, X509Certificate presented, byte[] csrBody, CertificateProfile profile) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            GatewayCertificate current = byFingerprint(em, IssuedCertificate.fingerprint(presented))
                    .orElseThrow(() -> new CertificateRefusedException(Kind.FORBIDDEN, "UNKNOWN_CERTIFICATE",
                            "client certificate was not issued by this tenant's CA"));
            requireUsable(current, Instant.now());
            CertificateAuthority ca = cas.forTenant(tenant);
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(presented);
            chain.addAll(ca.chain());
            // the CRL first, then the time: a CRL issued by this very call has a thisUpdate after any earlier "now"
            X509CRL crl = cas.crl(tenant);
            new ChainValidator(List.of(root.certificate()), ChainValidator.RevocationScope.END_ENTITY)
                    .validateClientCertificate(chain, List.of(crl), Instant.now());
            Gateway gateway = em.find(Gateway.class, current.gatewayRef());
            if (gateway == null || !gateway.gatewayId().equals(GatewayId.fromCertificate(presented))) {
                throw new CertificateRefusedException(Kind.FORBIDDEN, "UNKNOWN_GATEWAY", "client certificate names no gateway of this tenant");
            }
            return issue(em, tenant, gateway, EstWireFormat.parseEnrollmentRequest(csrBody), profile);
        } catch (PkiException e) {
            throw Refusals.of(e);
        }
    }

    /**
     * Revokes every certificate of the gateway that is not revoked yet; returns their serials. Every node's CRL of the
     * tenant is dropped once the caller's transaction commits ({@link TenantCas#revoked}).
     */
    public List<String> revoke(TenantId tenant, GatewayId gatewayId, RevocationReason reason) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Gateway gateway = GatewayService.find(em, gatewayId)
                    .orElseThrow(() -> new NotFoundException("gateway", gatewayId));
            Instant now = Instant.now();
            List<String> serials = new ArrayList<>();
            for (GatewayCertificate c : em.createQuery(
                            "SELECT c FROM GatewayCertificate c WHERE c.gatewayRef = :g AND c.revokedAt IS NULL ORDER BY c.id",
                            GatewayCertificate.class)
                    .setParameter("g", gateway.id()).getResultList()) {
                if (c.revoke(now, reason)) {
                    serials.add(c.serialHex());
                }
            }
            em.flush();
            if (!serials.isEmpty()) {
                cas.revoked(tenant, serials);
            }
            return serials;
        }
    }

    /**
     * Revokes one certificate of the gateway, named by its serial (hex, any case); every node's CRL of the tenant is
     * dropped on commit, as in {@link #revoke}.
     *
     * @throws NotFoundException  if the gateway has no certificate of that serial
     * @throws ConflictException  on {@code serial} if it is revoked already (its first revocation stays)
     */
    public GatewayCertificate revokeOne(TenantId tenant, GatewayId gatewayId, String serial, RevocationReason reason) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            GatewayCertificate certificate = find(em, gatewayId, serial);
            if (!certificate.revoke(Instant.now(), reason)) {
                throw new ConflictException("serial", "certificate " + certificate.serialHex() + " was revoked already at "
                        + certificate.revokedAt().orElseThrow() + " (" + certificate.revocationReason().orElseThrow() + ")");
            }
            em.flush();
            cas.revoked(tenant, List.of(certificate.serialHex()));
            return certificate;
        }
    }

    /**
     * One certificate of the gateway, by its serial (hex, any case).
     *
     * @throws NotFoundException if the gateway has no certificate of that serial
     */
    public GatewayCertificate one(TenantId tenant, GatewayId gatewayId, String serial) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return find(em, gatewayId, serial);
        }
    }

    private static GatewayCertificate find(EntityManager em, GatewayId gatewayId, String serial) {
        String hex = serialHex(serial);
        Gateway gateway = GatewayService.find(em, gatewayId).orElseThrow(() -> new NotFoundException("gateway", gatewayId));
        return em.createQuery("SELECT c FROM GatewayCertificate c WHERE c.gatewayRef = :g AND c.serialHex = :s", GatewayCertificate.class)
                .setParameter("g", gateway.id()).setParameter("s", hex)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("certificate", hex + " of gateway " + gatewayId));
    }

    /** A serial as typed (hex, any case, leading zeros, colons as openssl prints them) in the form the table keeps. */
    static String serialHex(String typed) {
        String hex = typed == null ? "" : typed.strip().replace(":", "");
        if (!hex.matches("[0-9A-Fa-f]{1,40}")) {
            throw new InvalidInputException("serial", "must be 1 to 40 hexadecimal digits: '" + hex + "'");
        }
        return new BigInteger(hex, 16).toString(16);
    }

    /** The CRL entries of the tenant. */
    public List<RevokedCertificate> revoked(TenantId tenant) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            return em.createQuery("SELECT c FROM GatewayCertificate c WHERE c.revokedAt IS NOT NULL ORDER BY c.id",
                            GatewayCertificate.class)
                    .getResultList().stream().map(GatewayCertificate::asCrlEntry).toList();
        }
    }

    /** How many certificates the tenant's CA has issued, and how many of them are revoked. */
    public CertificateCounts counts(TenantId tenant) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            long issued = em.createQuery("SELECT COUNT(c) FROM GatewayCertificate c", Long.class).getSingleResult();
            long revoked = em.createQuery("SELECT COUNT(c) FROM GatewayCertificate c WHERE c.revokedAt IS NOT NULL", Long.class)
                    .getSingleResult();
            return new CertificateCounts(issued, revoked);
        }
    }

    /** The counts of {@link #counts}. */
    public record CertificateCounts(long issued, long revoked) {
    }

    /** The certificates of one gateway, newest first. */
    public List<GatewayCertificate> ofGateway(TenantId tenant, GatewayId gatewayId) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            Gateway gateway = GatewayService.find(em, gatewayId)
                    .orElseThrow(() -> new NotFoundException("gateway", gatewayId));
            return em.createQuery("SELECT c FROM GatewayCertificate c WHERE c.gatewayRef = :g ORDER BY c.id DESC",
                            GatewayCertificate.class)
                    .setParameter("g", gateway.id()).getResultList();
        }
    }

    /**
     * The gateway behind a client certificate on the device port. The TLS layer has checked the chain up to
     * our root; this checks the database, which is the revocation source: a revocation counts from its commit.
     */
    public DeviceIdentity identify(TenantId tenant, X509Certificate presented) {
        try (EntityManager em = entityManagers.forTenant(tenant)) {
            GatewayCertificate current = byFingerprint(em, IssuedCertificate.fingerprint(presented))
                    .orElseThrow(() -> new CertificateRefusedException(Kind.FORBIDDEN, "UNKNOWN_CERTIFICATE",
                            "client certificate was not issued by this platform"));
            requireUsable(current, Instant.now());
            Gateway gateway = em.find(Gateway.class, current.gatewayRef());
            return new DeviceIdentity(tenant, gateway.gatewayId().value(), gateway.householdId(), current.serialHex());
        }
    }

    /**
     * The one check of a presented client certificate (device port and renewal): not revoked, valid now, and a
     * gateway TLS certificate (a signature certificate authenticates batches, not connections).
     */
    static void requireUsable(GatewayCertificate current, Instant now) {
        if (current.isRevoked()) {
            throw new CertificateRefusedException(Kind.FORBIDDEN, "REVOKED",
                    "client certificate " + current.serialHex() + " was revoked at " + current.revokedAt().orElseThrow()
                            + " (" + current.revocationReason().orElseThrow() + ")");
        }
        if (!current.isValidAt(now)) {
            throw new CertificateRefusedException(Kind.FORBIDDEN, "EXPIRED",
                    "client certificate " + current.serialHex() + " is not valid now (notAfter " + current.notAfter() + ")");
        }
        if (!CertificateProfile.GATEWAY_TLS.name().equals(current.profile())) {
            throw new CertificateRefusedException(Kind.FORBIDDEN, "NOT_A_TLS_CERTIFICATE",
                    "a gateway TLS client certificate is needed, not a " + current.profile() + " certificate");
        }
    }

    private IssuedCertificate issue(EntityManager em, TenantId tenant, Gateway gateway, Csr csr, CertificateProfile profile) {
        IssuedCertificate issued = cas.forTenant(tenant).issueGatewayCertificate(csr, gateway.gatewayId(), profile);
        em.persist(new GatewayCertificate(gateway.id(), issued));
        em.flush();
        return issued;
    }

    /**
     * The stored code the presented one matches; a code voided by a newer one is no longer looked at. Several may be
     * outstanding (codes of before V12, which voids the older ones); the hash is compared for each,
     * and only a matching one can report "used" or "expired".
     */
    private EnrollmentCodeRecord matchingCode(EntityManager em, Gateway gateway, String presented) {
        List<EnrollmentCodeRecord> codes = em.createQuery(
                        "SELECT c FROM EnrollmentCodeRecord c WHERE c.gatewayRef = :g AND c.voidedAt IS NULL ORDER BY c.id DESC", EnrollmentCodeRecord.class)
                .setParameter("g", gateway.id())
                .getResultList();
        EnrollmentCodeRejectedException refusal = null;
        for (EnrollmentCodeRecord code : codes) {
            try {
                settings.enrollmentCodes().verify(presented, code.stored());
                return code;
            } catch (EnrollmentCodeRejectedException e) {
                if (e.reason() == EnrollmentCodeRejectedException.Reason.MALFORMED) {
                    throw e;
                }
                if (e.reason() != EnrollmentCodeRejectedException.Reason.WRONG_CODE) {
                    refusal = e;
                    break;
                }
            }
        }
        throw refusal != null ? refusal
                : new EnrollmentCodeRejectedException(EnrollmentCodeRejectedException.Reason.WRONG_CODE,
                        codes.isEmpty() ? "gateway has no enrollment code" : "enrollment code does not match");
    }

    private static Optional<GatewayCertificate> byFingerprint(EntityManager em, String fingerprint) {
        return em.createQuery("SELECT c FROM GatewayCertificate c WHERE c.sha256Fingerprint = :f", GatewayCertificate.class)
                .setParameter("f", fingerprint)
                .getResultStream().findFirst();
    }
}
