package org.smgwlite.platform.infra;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The platform's one datasource, a pooled PostgreSQL connection. Its URL and credentials come
 * from MicroProfile Config ({@code smgw.db.url}, {@code smgw.db.user}, {@code smgw.db.password};
 * as environment variables {@code SMGW_DB_URL}, ...), resolved by Payara when the application is
 * deployed, so no secret sits in a descriptor. {@code smgw.db.user} is the platform's login role, which owns
 * nothing ({@link LoginRoleCheck}); the schema's owner connects only for the migration ({@link DatabaseMigration}).
 */
@DataSourceDefinition(
        name = PlatformDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        user = "${MPCONFIG=smgw.db.user}",
        password = "${MPCONFIG=smgw.db.password}",
        properties = {
                "URL=${MPCONFIG=smgw.db.url}",
                "ApplicationName=smgw-platform"
        },
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300)
@Singleton
public class PlatformDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/smgw";
}
