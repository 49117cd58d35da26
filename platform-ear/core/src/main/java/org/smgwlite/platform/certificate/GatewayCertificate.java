package org.smgwlite.platform.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.crl.RevokedCertificate;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * A certificate the platform issued to a gateway. Revocation is a one-way change of this row; the CRL and
 * the device port both read it from here.
 */
@Entity
@Table(name = "certificate")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantEntityManagers.TENANT_PROPERTY, length = 40)
public class GatewayCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "gateway_id", nullable = false)
    private Long gatewayRef;

    @Column(name = "serial_hex", nullable = false, length = 40)
    private String serialHex;

    @Column(name = "profile", nullable = false, length = 32)
    private String profile;

    @Column(name = "subject", nullable = false, length = 400)
    private String subject;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "sha256_fingerprint", nullable = false, length = 64)
    private String sha256Fingerprint;

    @Column(name = "pem", nullable = false)
    private String pem;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason", length = 32)
    private RevocationReason revocationReason;

    protected GatewayCertificate() {
        // for JPA
    }

    GatewayCertificate(long gatewayRef, IssuedCertificate issued) {
        this.gatewayRef = gatewayRef;
        this.serialHex = issued.serialHex();
        this.profile = issued.profile().name();
        this.subject = issued.subject();
        this.notBefore = issued.notBefore();
        this.notAfter = issued.notAfter();
        this.sha256Fingerprint = issued.sha256Fingerprint();
        this.pem = issued.certificatePem();
        this.issuedAt = Instant.now();
    }

    /** Revokes once; a second revocation keeps the first time and reason. */
    boolean revoke(Instant at, RevocationReason reason) {
        if (revokedAt != null) {
            return false;
        }
        this.revokedAt = at;
        this.revocationReason = reason;
        return true;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isValidAt(Instant at) {
        return !at.isBefore(notBefore) && at.isBefore(notAfter);
    }

    RevokedCertificate asCrlEntry() {
        return new RevokedCertificate(new BigInteger(serialHex, 16), revokedAt, revocationReason);
    }

    public Long id() {
        return id;
    }

    public long gatewayRef() {
        return gatewayRef;
    }

    public String serialHex() {
        return serialHex;
    }

    public String profile() {
        return profile;
    }

    public String subject() {
        return subject;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    public String pem() {
        return pem;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<RevocationReason> revocationReason() {
        return Optional.ofNullable(revocationReason);
    }

    public CertificateStatus status(Instant now) {
        return CertificateStatus.of(revokedAt(), notBefore, notAfter, now);
    }

    /** The name a download of its PEM gets: {@code <CN>-<profile>-<serial>.pem}. */
    public String pemFileName() {
        String cn = subject.replaceFirst("^.*CN=([^,]+).*$", "$1");
        return cn + "-" + profile.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + serialHex + ".pem";
    }

    /** The curve of the certificate's key, read from the stored PEM (the table has no column of its own for it). */
    public Curve curve() {
        return CertificatePem.curveOf(pem);
    }
}
