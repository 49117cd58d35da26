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
import org.smgwlite.pki.GatewayId;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * A smart meter gateway of one household. Its gateway id is unique within the tenant and is the CN of
 * every certificate it gets; the tenant column is EclipseLink's discriminator, as for households. A household has at
 * most one gateway that is not retired ({@link GatewayService#register}).
 */
@Entity
@Table(name = "gateway")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantEntityManagers.TENANT_PROPERTY, length = 40)
public class Gateway {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenantId;

    @Column(name = "gateway_id", nullable = false, length = 64)
    private String gatewayId;

    @Column(name = "household_id", nullable = false)
    private Long householdId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected Gateway() {
        // for JPA
    }

    public Gateway(GatewayId gatewayId, long householdId) {
        this.gatewayId = gatewayId.value();
        this.householdId = householdId;
        this.createdAt = Instant.now();
    }

    public Long id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId == null ? null : TenantId.of(tenantId);
    }

    public GatewayId gatewayId() {
        return GatewayId.of(gatewayId);
    }

    public long householdId() {
        return householdId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the operator replaced this gateway by another one of its household; it may not enroll any more. */
    public Optional<Instant> retiredAt() {
        return Optional.ofNullable(retiredAt);
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    /** Retires once; a second call keeps the first time. */
    void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }
}
