package org.smgwlite.platform.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tenant's issuing CA as stored: chain PEM and the private key encrypted under {@code smgw.pki.secret}.
 * A platform table (not tenant-bound): the tenant role has no access to CA keys. The row's CRL columns and its CRL
 * counter ({@code next_crl_number}, 1 for a new CA by the column's default) are {@link StoredCrls}'s, in SQL of its own.
 */
@Entity
@Table(name = "tenant_ca")
public class TenantCaRecord {

    @Id
    @Column(name = "tenant_id", length = 40)
    private String tenantId;

    @Column(name = "curve_policy", nullable = false, length = 16)
    private String curvePolicy;

    @Column(name = "chain_pem", nullable = false)
    private String chainPem;

    @Column(name = "encrypted_key_pem", nullable = false)
    private String encryptedKeyPem;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TenantCaRecord() {
        // for JPA
    }

    TenantCaRecord(String tenantId, String curvePolicy, String chainPem, String encryptedKeyPem) {
        this.tenantId = tenantId;
        this.curvePolicy = curvePolicy;
        this.chainPem = chainPem;
        this.encryptedKeyPem = encryptedKeyPem;
        this.createdAt = Instant.now();
    }

    public String tenantId() {
        return tenantId;
    }

    public String curvePolicy() {
        return curvePolicy;
    }

    public String chainPem() {
        return chainPem;
    }

    String encryptedKeyPem() {
        return encryptedKeyPem;
    }
}
