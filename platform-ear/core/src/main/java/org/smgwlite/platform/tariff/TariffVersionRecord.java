package org.smgwlite.platform.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.smgwlite.platform.shared.TenantEntityManagers;

/** A row of {@code tariff_profile_version}: written once, never changed (no setters). */
@Entity
@Table(name = "tariff_profile_version")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantEntityManagers.TENANT_PROPERTY, length = 40)
public class TariffVersionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "profile_id")
    private long profileId;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected TariffVersionRecord() {
        // for JPA
    }

    TariffVersionRecord(long profileId, LocalDate validFrom, String createdBy) {
        this.profileId = profileId;
        this.validFrom = validFrom;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    long id() {
        return id;
    }

    long profileId() {
        return profileId;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }
}
