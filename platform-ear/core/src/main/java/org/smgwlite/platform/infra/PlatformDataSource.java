package org.smgwlite.platform.infra;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The platform's one datasource, a pooled PostgreSQL connection. Its URL and credentials come
 * from MicroProfile Config ({@code smgw.db.url}, {@code smgw.db.user}, {@code smgw.db.password};
 * as environment variables {@code SMGW_DB_URL}, ...), resolved by Payara when the application is
 * deployed, so no secret sits in a descriptor. {@code smgw.db.user} is the platform's login role, which owns
 * nothing ({@link LoginRoleCheck}); the schema's owner connects only for the migration ({@link DatabaseMigration}).
 *
 * <p>An outage of PostgreSQL (stopped, restarted, unreachable) must neither hang requests nor need a platform restart
 * afterwards, so the pool (Payara's {@code fish.payara.*} pool properties; this is the one definition, for
 * {@code ./run.sh} and the integration tests alike):
 * <ul>
 * <li>validates every connection before handing it out ({@code Connection.isValid}), and on a failed validation
 *     drops all of its connections ({@code fail-all-connections}): after a restart the first request finds the old
 *     connections dead, and the pool opens new ones to the restarted server;</li>
 * <li>waits at most {@value #MAX_WAIT_MILLIS} ms for a free connection (Payara's default is a minute);</li>
 * <li>gives the driver {@value #CONNECT_TIMEOUT_SECONDS} s to connect and {@value #LOGIN_TIMEOUT_SECONDS} s to log in
 *     (an unreachable host would otherwise take the TCP default).</li>
 * </ul>
 * Such failures reach the interface layers as {@link DatabaseUnavailable} and are answered 503 with a retry time.
 */
@DataSourceDefinition(
        name = PlatformDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        user = "${MPCONFIG=smgw.db.user}",
        password = "${MPCONFIG=smgw.db.password}",
        properties = {
                "URL=${MPCONFIG=smgw.db.url}",
                "ApplicationName=smgw-platform",
                "ConnectTimeout=" + PlatformDataSource.CONNECT_TIMEOUT_SECONDS,
                "LoginTimeout=" + PlatformDataSource.LOGIN_TIMEOUT_SECONDS,
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=" + PlatformDataSource.MAX_WAIT_MILLIS
        },
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300)
@Singleton
public class PlatformDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/smgw";
    static final int MAX_WAIT_MILLIS = 10_000;
    static final int CONNECT_TIMEOUT_SECONDS = 5;
    static final int LOGIN_TIMEOUT_SECONDS = 10;
}
