package org.smgwlite.platform.certificate;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.smgwlite.platform.infra.PlatformDataSource;

/**
 * The platform root as the deployment group shares it ({@code platform_root}, migration V23), each call in a
 * transaction of its own bound to no tenant (the table is a platform table like {@code tenant_ca}). The first node
 * to record a root wins; every node reads the winner.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PlatformRootStore {

    /** The shared root: its chain, its encrypted key where the platform holds it (development roots), its kind. */
    public record StoredRoot(String chainPem, String encryptedKeyPem, boolean development) {
        public Optional<String> key() {
            return Optional.ofNullable(encryptedKeyPem);
        }
    }

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    public Optional<StoredRoot> find() {
        try (Connection c = dataSource.getConnection()) {
            return find(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the platform root from the database: " + e.getMessage(), e);
        }
    }

    /** Records {@code root} unless a root is recorded already; returns the recorded one (this or the earlier). */
    public StoredRoot recordIfNone(StoredRoot root) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO platform_root (chain_pem, encrypted_key_pem,"
                    + " development) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setString(1, root.chainPem());
                insert.setString(2, root.encryptedKeyPem());
                insert.setBoolean(3, root.development());
                insert.executeUpdate();
            }
            return find(c).orElseThrow(() -> new IllegalStateException("the platform root was recorded but cannot be read"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the platform root in the database: " + e.getMessage(), e);
        }
    }

    private static Optional<StoredRoot> find(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT chain_pem, encrypted_key_pem, development FROM platform_root WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(new StoredRoot(rs.getString(1), rs.getString(2), rs.getBoolean(3))) : Optional.empty();
        }
    }
}
