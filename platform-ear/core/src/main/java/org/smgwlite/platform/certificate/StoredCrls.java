package org.smgwlite.platform.certificate;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.crl.CrlSigner;
import org.smgwlite.platform.shared.NotFoundException;

/**
 * The tenant CA's CRL of the deployment group, stored in {@code tenant_ca} (V24): every node serves the CRL stored
 * there, so all of them publish the same CRL and its number never goes back. The rule:
 * <ol>
 * <li>a stored CRL that is {@linkplain #isFresh fresh} is the current one; it is read without a lock;</li>
 * <li>missing (none yet, or cleared by a revocation: the trigger of V24 does that in the revoking transaction) or due:
 * the row is locked ({@code SELECT ... FOR UPDATE}, a transaction of its own, bound to no tenant) and looked at again,
 * since another node may have issued one while this one waited; only if it is still missing or due is a CRL issued,
 * numbered {@code next_crl_number}, stored and the counter moved on, in that same transaction.</li>
 * </ol>
 * So of several nodes that find the CRL missing or due at once, exactly one issues it and the others read that one. A
 * revocation's clearing UPDATE waits for the lock too: a CRL either lists the revoked serial or is cleared when the
 * revocation commits. The issuer reads the revoked certificates in a transaction of its own (bound to the tenant),
 * after the lock is taken. Each call takes its connection from {@code dataSource} outside any container transaction.
 */
public final class StoredCrls {

    /** Signs the tenant's CRL with the given number, listing every certificate revoked when it is called. */
    @FunctionalInterface
    public interface CrlIssuer {
        X509CRL issue(BigInteger number);
    }

    private static final String READ = "SELECT crl_der, next_crl_number FROM tenant_ca WHERE tenant_id = ?";
    private static final String STORE = "UPDATE tenant_ca SET crl_der = ?, crl_number = ?, crl_this_update = ?,"
            + " crl_next_update = ?, next_crl_number = ? WHERE tenant_id = ?";

    private final DataSource dataSource;
    private final Duration validity;
    private final Clock clock;

    /**
     * @param validity how long an issued CRL is valid (thisUpdate to nextUpdate); a quarter of it decides "due"
     */
    StoredCrls(DataSource dataSource, Duration validity, Clock clock) {
        this.dataSource = dataSource;
        this.validity = validity;
        this.clock = clock;
    }

    /**
     * Whether {@code crl} is still the one to publish: less than a quarter of {@code validity} has passed since its
     * thisUpdate, so a published CRL is never close to its nextUpdate.
     */
    static boolean isFresh(X509CRL crl, Duration validity, Instant now) {
        return Duration.between(crl.getThisUpdate().toInstant(), now).compareTo(validity.dividedBy(4)) < 0;
    }

    /**
     * The tenant's current CRL: the stored one while it is fresh, else one issued by {@code issuer} on this node or
     * by another node that held the row's lock first (see the class comment).
     *
     * @throws NotFoundException      if the tenant has no CA
     * @throws IllegalStateException  if the database failed (its {@link SQLException} as the cause)
     */
    X509CRL current(TenantId tenant, CrlIssuer issuer) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Stored stored = read(c, tenant, false);
            if (stored.crl() != null && isFresh(stored.crl(), validity, clock.instant())) {
                return stored.crl();
            }
            return issueOnce(c, tenant, issuer);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or store the CRL of tenant " + tenant + ": " + e.getMessage(), e);
        }
    }

    private X509CRL issueOnce(Connection c, TenantId tenant, CrlIssuer issuer) throws SQLException {
        c.setAutoCommit(false);
        try {
            Stored locked = read(c, tenant, true);
            if (locked.crl() != null && isFresh(locked.crl(), validity, clock.instant())) {
                c.commit(); // issued by another node while this one waited for the lock
                return locked.crl();
            }
            X509CRL issued = issuer.issue(BigInteger.valueOf(locked.nextNumber()));
            if (CrlSigner.number(issued).longValueExact() != locked.nextNumber()) {
                throw new IllegalStateException("the CRL of tenant " + tenant + " was issued with number "
                        + CrlSigner.number(issued) + " instead of " + locked.nextNumber());
            }
            try (PreparedStatement store = c.prepareStatement(STORE)) {
                store.setBytes(1, issued.getEncoded());
                store.setLong(2, locked.nextNumber());
                store.setObject(3, issued.getThisUpdate().toInstant().atOffset(ZoneOffset.UTC));
                store.setObject(4, issued.getNextUpdate().toInstant().atOffset(ZoneOffset.UTC));
                store.setLong(5, locked.nextNumber() + 1);
                store.setString(6, tenant.value());
                store.executeUpdate();
            }
            c.commit();
            return issued;
        } catch (CRLException e) {
            c.rollback();
            throw new IllegalStateException("the CRL of tenant " + tenant + " cannot be encoded: " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The tenant's row: its stored CRL (null if none) and the number the next CRL gets. */
    private record Stored(X509CRL crl, long nextNumber) {
    }

    private static Stored read(Connection c, TenantId tenant, boolean lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(lock ? READ + " FOR UPDATE" : READ)) {
            select.setString(1, tenant.value());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("CA of tenant", tenant);
                }
                byte[] der = rs.getBytes(1);
                return new Stored(der == null ? null : parse(der, tenant), rs.getLong(2));
            }
        }
    }

    private static X509CRL parse(byte[] der, TenantId tenant) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CertificateException | CRLException e) {
            throw new IllegalStateException("the stored CRL of tenant " + tenant + " cannot be read: " + e.getMessage(), e);
        }
    }
}
