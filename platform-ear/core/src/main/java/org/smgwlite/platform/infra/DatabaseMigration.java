package org.smgwlite.platform.infra;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations of {@code db-migrations} when the platform is deployed, before any other bean
 * touches the database, as the role that owns the schema ({@value DatabaseSettings#MIGRATION_USER}). Then it checks
 * that the platform's own connections ({@value DatabaseSettings#USER}) come from a role that owns nothing
 * ({@link LoginRoleCheck}), and refuses to start otherwise. Flyway owns the schema; JPA never generates it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = DatabaseSettings.URL)
    String url;

    @Inject
    @ConfigProperty(name = DatabaseSettings.USER)
    String loginRole;

    @Inject
    @ConfigProperty(name = DatabaseSettings.MIGRATION_USER)
    Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = DatabaseSettings.MIGRATION_PASSWORD)
    Optional<String> migrationPassword;

    @PostConstruct
    void migrate() {
        MigrateResult result = new SchemaMigration(url, migrationUser.orElse(null), migrationPassword.orElse(""), loginRole)
                .migrate();
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
        try (Connection c = dataSource.getConnection()) {
            LoginRoleCheck.require(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the login role " + loginRole + ": " + e.getMessage(), e);
        }
    }
}
