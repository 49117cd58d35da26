package org.smgwlite.platform.metering.report;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.infra.PlatformDataSource;
import org.smgwlite.platform.shared.TenantEntityManagers;

/**
 * Native SQL of the reports on the caller's transaction, bound to the tenant first (row-level security applies):
 * Payara hands JPA and this DataSource the same connection within one transaction, as for the load curve.
 */
@ApplicationScoped
public class TenantJdbc {

    @Inject
    TenantEntityManagers entityManagers;

    @Resource(lookup = PlatformDataSource.JNDI_NAME)
    DataSource dataSource;

    /** The JDBC part of a piece of work. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection c, EntityManager em) throws SQLException;
    }

    /** Runs {@code work} in the active transaction, bound to {@code tenant}; {@code what} names it in a failure. */
    public <T> T run(TenantId tenant, String what, Work<T> work) {
        try (EntityManager em = entityManagers.forTenant(tenant); Connection c = dataSource.getConnection()) {
            return work.on(c, em);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " of tenant " + tenant.value() + " failed: " + e.getMessage(), e);
        }
    }
}
