package org.smgwlite.platform.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * A household of one tenant. The tenant column is owned by EclipseLink's discriminator: it is
 * set on insert from the entity manager's tenant and added to every query, so no code path can
 * read or write another tenant's household through JPA.
 */
@Entity
@Table(name = "household")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantEntityManagers.TENANT_PROPERTY, length = 40)
public class Household {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenantId;

    private String name;
    private String street;
    @Column(name = "postal_code")
    private String postalCode;
    private String city;
    @Column(name = "messlokation_id")
    private String messlokationId;
    @Column(name = "meter_id")
    private String meterId;
    @Column(name = "viewer_username")
    private String viewerUsername;

    /** The household's TAF 2 tariff profile (same tenant, V16), or null; set by {@code TariffService} only. */
    @Column(name = "tariff_profile_id")
    private Long tariffProfileId;

    @Version
    private long version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Household() {
        // for JPA
    }

    public Household(HouseholdDraft draft) {
        apply(draft);
    }

    /** Replaces every field with the draft's, after the draft passed {@link HouseholdRules}. */
    public final void apply(HouseholdDraft d) {
        HouseholdRules.validate(d);
        this.name = d.name().strip();
        this.street = d.street().strip();
        this.postalCode = d.postalCode().strip();
        this.city = d.city().strip();
        this.messlokationId = d.messlokationId().strip();
        this.meterId = d.meterId().strip();
        this.viewerUsername = d.viewerUsername() == null || d.viewerUsername().isBlank()
                ? null : d.viewerUsername().strip();
        this.updatedAt = Instant.now();
    }

    public HouseholdDraft toDraft() {
        return new HouseholdDraft(name, street, postalCode, city, messlokationId, meterId, viewerUsername);
    }

    public Long id() {
        return id;
    }

    /** The owning tenant; {@code null} until the row was written. */
    public TenantId tenantId() {
        return tenantId == null ? null : TenantId.of(tenantId);
    }

    public String name() {
        return name;
    }

    public String street() {
        return street;
    }

    public String postalCode() {
        return postalCode;
    }

    public String city() {
        return city;
    }

    public String messlokationId() {
        return messlokationId;
    }

    public String meterId() {
        return meterId;
    }

    public String viewerUsername() {
        return viewerUsername;
    }

    public long version() {
        return version;
    }

    /** The id of the household's tariff profile, if it has one. */
    public Optional<Long> tariffProfileId() {
        return Optional.ofNullable(tariffProfileId);
    }

    /** Assigns a tariff profile (null: none); the caller checked that the profile is the tenant's. */
    public void assignTariffProfile(Long profileId) {
        this.tariffProfileId = profileId;
        this.updatedAt = Instant.now();
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
