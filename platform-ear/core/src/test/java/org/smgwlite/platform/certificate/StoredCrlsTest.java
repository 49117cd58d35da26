package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TenantId;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.crl.CrlSigner;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.crl.RevokedCertificate;
import org.smgwlite.platform.infra.DatabaseUnavailable;
import org.smgwlite.platform.infra.MigratedPostgres;

/**
 * The tenant CA's CRL is one per deployment group ({@code tenant_ca}, V24): "nodes" (a {@link StoredCrls} each, on one
 * migrated PostgreSQL reached as the platform's login role) serve the same CRL, a revocation committed anywhere clears
 * it so the next one lists the serial with a higher number, and of nodes asking at once exactly one issues.
 */
class StoredCrlsTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("crl_owner", "owner-pw", "crl_login", "login-pw");
    private static final TenantId TENANT = TenantId.of("crl-tenant");
    private static final Duration VALIDITY = Duration.ofHours(24);
    private static final Clock NOW = Clock.systemUTC();

    /** Threads of their own: the common pool may have one thread only, and the nodes must run at once. */
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(3);

    private static MigratedPostgres db;
    private static CertificateAuthority ca;
    private static PGSimpleDataSource login;

    /** How many CRLs the nodes' issuers signed. */
    private final AtomicInteger issued = new AtomicInteger();

    @BeforeAll
    static void migrateWithATenantAndItsCa() throws Exception {
        db = MigratedPostgres.start(ROLES);
        CertificateAuthority root = CaHierarchy.createRoot("CRL test root", CurvePolicy.NIST, Duration.ofDays(30));
        ca = CaHierarchy.createTenantCa(root, TENANT, CurvePolicy.NIST, Duration.ofDays(10));
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (id, name, kind) VALUES ('" + TENANT.value() + "', 'T', 'ENERGY_COMMUNITY')");
            s.execute("INSERT INTO household (tenant_id, name, street, postal_code, city, messlokation_id, meter_id)"
                    + " VALUES ('" + TENANT.value() + "', 'H', 'S', '12345', 'C', 'DE" + "0".repeat(31) + "', 'M')");
            s.execute("INSERT INTO gateway (tenant_id, gateway_id, household_id) SELECT tenant_id, 'GW1', id FROM household");
            s.execute("INSERT INTO tenant_ca (tenant_id, curve_policy, chain_pem, encrypted_key_pem)"
                    + " VALUES ('" + TENANT.value() + "', 'nist', 'chain', 'key')");
        }
        login = new PGSimpleDataSource();
        login.setURL(db.url());
        login.setUser(ROLES.login());
        login.setPassword(ROLES.loginPassword());
    }

    @AfterAll
    static void stop() throws Exception {
        THREADS.shutdownNow();
        db.close();
    }

    @BeforeEach
    void noCrlStored() throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("UPDATE tenant_ca SET crl_der = NULL, crl_number = NULL, crl_this_update = NULL, crl_next_update = NULL");
        }
    }

    @Test
    void twoNodesServeTheSameCrlIssuedOnce() throws Exception {
        X509CRL onA = node(NOW).current(TENANT, this::issue);
        X509CRL onB = node(NOW).current(TENANT, this::issue);

        assertThat(onB.getEncoded()).isEqualTo(onA.getEncoded());
        assertThat(CrlSigner.number(onB)).isEqualTo(CrlSigner.number(onA));
        assertThat(issued).as("CRLs signed").hasValue(1);
    }

    @Test
    void aRevocationOnAnyNodeIsOnTheNextCrlOfEveryNodeWithAHigherNumber() throws Exception {
        StoredCrls a = node(NOW);
        StoredCrls b = node(NOW);
        X509CRL before = a.current(TENANT, this::issue);
        assertThat(b.current(TENANT, this::issue).getEncoded()).isEqualTo(before.getEncoded());
        BigInteger serial = certificate();
        assertThat(before.getRevokedCertificate(serial)).isNull();

        revoke(serial); // as the platform revokes: the login role, in a transaction bound to the tenant

        X509CRL onB = b.current(TENANT, this::issue);
        X509CRL onA = a.current(TENANT, this::issue);
        assertThat(onB.getRevokedCertificate(serial)).as("the revoked serial on the new CRL").isNotNull();
        assertThat(CrlSigner.number(onB)).isGreaterThan(CrlSigner.number(before));
        assertThat(onA.getEncoded()).as("node A serves node B's CRL").isEqualTo(onB.getEncoded());
        assertThat(issued).as("CRLs signed").hasValue(2);
    }

    @Test
    void nodesAskingAtOnceWaitForTheOneThatIssues() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        StoredCrls.CrlIssuer slow = number -> {
            X509CRL crl = issue(number);
            pause(Duration.ofMillis(300)); // the row stays locked meanwhile
            return crl;
        };
        List<CompletableFuture<X509CRL>> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            StoredCrls node = node(NOW);
            nodes.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return node.current(TENANT, slow);
            }, THREADS));
        }

        assertThat(nodes.get(1).get(10, TimeUnit.SECONDS).getEncoded()).isEqualTo(nodes.get(0).get(10, TimeUnit.SECONDS).getEncoded());
        assertThat(issued).as("CRLs signed").hasValue(1);
    }

    @Test
    void aDueCrlIsReissuedWithAHigherNumberAndEveryNodeTakesIt() throws Exception {
        X509CRL first = node(NOW).current(TENANT, this::issue);
        Clock later = Clock.offset(NOW, VALIDITY.dividedBy(4).plusMinutes(1));

        X509CRL reissued = node(later).current(TENANT, this::issue);

        assertThat(CrlSigner.number(reissued)).isGreaterThan(CrlSigner.number(first));
        assertThat(node(NOW).current(TENANT, this::issue).getEncoded()).isEqualTo(reissued.getEncoded());
        assertThat(issued).as("CRLs signed").hasValue(2);
    }

    /**
     * A revocation committing while a node issues: the revocation's clearing of the CRL waits for the issuing node's
     * lock, so the CRL that node stores (read before the revocation committed, without the serial) is cleared again.
     */
    @Test
    void aRevocationDuringIssuanceClearsTheCrlIssuedWithoutIt() throws Exception {
        BigInteger serial = certificate();
        CountDownLatch listRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<X509CRL> issuing = CompletableFuture.supplyAsync(() -> node(NOW).current(TENANT, number -> {
            X509CRL crl = issue(number);
            listRead.countDown();
            await(release);
            return crl;
        }), THREADS);
        assertThat(listRead.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> revoking = CompletableFuture.runAsync(() -> {
            try {
                revoke(serial);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, THREADS);
        pause(Duration.ofMillis(300));
        assertThat(revoking).as("the revocation waits for the issuing node").isNotDone();

        release.countDown();
        assertThat(issuing.get(10, TimeUnit.SECONDS).getRevokedCertificate(serial)).as("issued before the revocation").isNull();
        revoking.get(10, TimeUnit.SECONDS);

        assertThat(node(NOW).current(TENANT, this::issue).getRevokedCertificate(serial)).as("the next CRL").isNotNull();
    }

    /** An outage while a CRL is issued: the failure passes through as it is, nothing is stored, no number is used up. */
    @Test
    void aFailedIssuanceStoresNothingAndUsesUpNoNumber() throws Exception {
        X509CRL first = node(NOW).current(TENANT, this::issue);
        Clock later = Clock.offset(NOW, VALIDITY.dividedBy(4).plusMinutes(1));
        IllegalStateException outage = new IllegalStateException("revoked list", new SQLException("connection lost", "08006"));

        assertThatThrownBy(() -> node(later).current(TENANT, number -> {
            throw outage;
        })).isSameAs(outage);

        assertThat(node(NOW).current(TENANT, this::issue).getEncoded()).as("the stored CRL stays").isEqualTo(first.getEncoded());
        assertThat(CrlSigner.number(node(later).current(TENANT, this::issue))).isEqualTo(CrlSigner.number(first).add(BigInteger.ONE));
    }

    @Test
    void anUnreachableDatabaseIsAnOutage() {
        PGSimpleDataSource gone = new PGSimpleDataSource();
        gone.setURL("jdbc:postgresql://localhost:1/smgw"); // nothing listens on port 1
        gone.setConnectTimeout(2);

        assertThatThrownBy(() -> new StoredCrls(gone, VALIDITY, NOW).current(TENANT, this::issue))
                .satisfies(e -> assertThat(DatabaseUnavailable.isCause(e)).as("classified as an outage: " + e).isTrue());
        assertThat(issued).hasValue(0);
    }

    private static StoredCrls node(Clock clock) {
        return new StoredCrls(login, VALIDITY, clock);
    }

    /** Signs the tenant's CRL as {@code TenantCas} does: the revoked certificates read in a tenant-bound transaction. */
    private X509CRL issue(BigInteger number) {
        issued.incrementAndGet();
        List<RevokedCertificate> revoked = new ArrayList<>();
        try (Connection c = login.getConnection()) {
            c.setAutoCommit(false);
            bind(c);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT serial_hex, revoked_at, revocation_reason FROM certificate"
                         + " WHERE revoked_at IS NOT NULL ORDER BY id")) {
                while (rs.next()) {
                    revoked.add(new RevokedCertificate(new BigInteger(rs.getString(1), 16),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), RevocationReason.valueOf(rs.getString(3))));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ca.issueCrl(revoked, number, VALIDITY);
    }

    /** A new certificate row of the tenant's gateway; its serial. */
    private static BigInteger certificate() throws SQLException {
        BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(63);
        try (Connection c = owner();
             PreparedStatement ps = c.prepareStatement("INSERT INTO certificate (tenant_id, gateway_id, serial_hex, profile, subject,"
                     + " not_before, not_after, sha256_fingerprint, pem) SELECT tenant_id, id, ?, 'GATEWAY_TLS', 'CN=GW1', now(),"
                     + " now() + interval '1 day', ?, 'pem' FROM gateway WHERE gateway_id = 'GW1'")) {
            ps.setString(1, serial.toString(16));
            ps.setString(2, String.format("%064x", serial));
            ps.executeUpdate();
        }
        return serial;
    }

    private static void revoke(BigInteger serial) throws SQLException {
        try (Connection c = login.getConnection()) {
            c.setAutoCommit(false);
            bind(c);
            try (PreparedStatement ps = c.prepareStatement("UPDATE certificate SET revoked_at = ?, revocation_reason = 'KEY_COMPROMISE'"
                    + " WHERE serial_hex = ?")) {
                ps.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
                ps.setString(2, serial.toString(16));
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }
    }

    private static void bind(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT smgw_bind_tenant(?)")) {
            ps.setString(1, TENANT.value());
            ps.execute();
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(db.url(), ROLES.owner(), ROLES.ownerPassword());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
