package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.certificate.AttemptFailureStore;
import org.smgwlite.platform.infra.MigratedPostgres;

/**
 * The SMGW.Lite door's failure limit with two nodes over one database (V25): wrong tokens sent round robin are
 * refused after the configured total for the device id, and for the address, not once per node.
 */
class LegacyAttemptsClusterTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("legacy_owner", "owner-pw", "legacy_login", "login-pw");
    private static final TenantId T = TenantId.of("acme");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private static MigratedPostgres db;

    @BeforeAll
    static void migrate() throws Exception {
        db = MigratedPostgres.start(ROLES);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void wrong_tokens_on_two_nodes_use_up_one_limit_for_the_device_and_one_for_the_address() {
        LegacyAttempts a = node();
        LegacyAttempts b = node();
        for (int i = 0; i < 3; i++) {
            LegacyAttempts node = i % 2 == 0 ? a : b;
            node.check(T, "AB4", "10.0.0." + i);
            node.failed(T, "AB4", "10.0.0." + i);
        }
        assertThatThrownBy(() -> b.check(T, "AB4", "10.0.0.9")).isInstanceOfSatisfying(LegacyThrottledException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(900));
        a.check(TenantId.of("other"), "AB4", "10.0.0.9"); // the same id in another tenant is another device

        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? a : b).failed(T, "X" + i, "192.0.2.1");
        }
        assertThatThrownBy(() -> a.check(T, "Y", "192.0.2.1")).isInstanceOf(LegacyThrottledException.class)
                .hasMessageContaining("this address");
    }

    private static LegacyAttempts node() {
        PGSimpleDataSource login = new PGSimpleDataSource();
        login.setURL(db.url());
        login.setUser(ROLES.login());
        login.setPassword(ROLES.loginPassword());
        return new LegacyAttempts(CLOCK, 3, 5, Duration.ofMinutes(15), new AttemptFailureStore(login));
    }
}
