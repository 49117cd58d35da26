package org.smgwlite.platform.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.smgwlite.pki.enrollment.StoredEnrollmentCode;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * A one-time enrollment code of a gateway as stored: its hash (never the code), expiry, use, and whether a newer code
 * voided it (only the newest unused code of a gateway can enroll).
 */
@Entity
@Table(name = "enrollment_code")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantEntityManagers.TENANT_PROPERTY, length = 40)
public class EnrollmentCodeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "gateway_id", nullable = false)
    private Long gatewayRef;

    @Column(name = "code_hash", nullable = false, length = 200)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    protected EnrollmentCodeRecord() {
        // for JPA
    }

    EnrollmentCodeRecord(long gatewayRef, StoredEnrollmentCode stored, Instant createdAt) {
        this.gatewayRef = gatewayRef;
        this.codeHash = stored.hash();
        this.createdAt = createdAt;
        this.expiresAt = stored.expiresAt();
    }

    public Long id() {
        return id;
    }

    public long gatewayRef() {
        return gatewayRef;
    }

    public StoredEnrollmentCode stored() {
        return new StoredEnrollmentCode(codeHash, expiresAt, Optional.ofNullable(usedAt));
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> usedAt() {
        return Optional.ofNullable(usedAt);
    }

    /** When a newer code of the same gateway made this one worthless (it was never used). */
    public Optional<Instant> voidedAt() {
        return Optional.ofNullable(voidedAt);
    }

    /**
     * Voids the code if it is still open (neither used nor voided); a used code keeps its history.
     *
     * @return whether this call voided it
     */
    boolean voidIfOpen(Instant at) {
        if (usedAt != null || voidedAt != null) {
            return false;
        }
        voidedAt = at;
        return true;
    }
}
