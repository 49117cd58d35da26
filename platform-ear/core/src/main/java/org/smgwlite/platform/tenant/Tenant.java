package org.smgwlite.platform.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * A metering point operator or energy community; its id is the tenant discriminator everywhere. Its curve policy is
 * the family its CA issues on (P-256 or brainpoolP256r1); none chosen means the configured default applies when the
 * CA is created, and once a CA exists the policy is the CA's ({@code CurvePolicyChange}).
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private TenantKind kind;

    @Column(name = "curve_policy", length = 16)
    private String curvePolicy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected Tenant() {
        // for JPA
    }

    public Tenant(TenantId id, String name, TenantKind kind) {
        this.id = id.value();
        rename(name, kind);
    }

    /** Changes the display name and kind; the id never changes (it is in tokens and rows). */
    public final void rename(String newName, TenantKind newKind) {
        Map<String, String> errors = new LinkedHashMap<>();
        String trimmed = newName == null ? "" : newName.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            errors.put("name", "must be 1 to 200 characters");
        }
        if (newKind == null) {
            errors.put("kind", "must be chosen");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        this.name = trimmed;
        this.kind = newKind;
    }

    /** Sets the curve policy; whether it may change is {@code CurvePolicyChange}'s rule, checked by the caller. */
    public void choosePolicy(CurvePolicy policy) {
        this.curvePolicy = policy.name();
    }

    /** The chosen curve policy, or empty where none was chosen (the configured default applies). */
    public Optional<CurvePolicy> curvePolicy() {
        return Optional.ofNullable(curvePolicy).map(CurvePolicy::parse);
    }

    public TenantId id() {
        return TenantId.of(id);
    }

    public String name() {
        return name;
    }

    public TenantKind kind() {
        return kind;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
