package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.smgwlite.devstack.DatabaseRoles;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.platform.deployment.DeploymentGuard;
import org.smgwlite.platform.deployment.DevelopmentValue;
import org.smgwlite.platform.infra.MigratedPostgres;

/**
 * The root CA of a deployment group lives in the database ({@code platform_root}, V23), not in one node's files: nodes
 * with a {@code smgw.pki.dir} each, on one migrated PostgreSQL reached as the platform's login role, end up with the
 * same root, whichever made it; a node whose files hold another production root refuses to start.
 */
class SharedRootTest {

    private static final DatabaseRoles ROLES = new DatabaseRoles("root_owner", "owner-pw", "root_login", "login-pw");
    private static final DeploymentGuard DEVELOPMENT = new DeploymentGuard() {
        @Override
        public void requireDevelopmentRootAllowed() {
        }
    };

    private static MigratedPostgres db;

    @TempDir
    Path dirs;

    @BeforeAll
    static void migrate() throws Exception {
        db = MigratedPostgres.start(ROLES);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void noRootRecorded() throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), ROLES.owner(), ROLES.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("DELETE FROM platform_root");
        }
    }

    @Test
    void twoNodesStartingAtOnceWithoutFilesShareOneDevelopmentRoot() {
        PlatformRoot a = node("a");
        PlatformRoot b = node("b");

        CompletableFuture<X509Certificate> onA = CompletableFuture.supplyAsync(a::certificate);
        CompletableFuture<X509Certificate> onB = CompletableFuture.supplyAsync(b::certificate);

        assertThat(onA.join()).isEqualTo(onB.join());
        for (String node : new String[] {"a", "b"}) {
            Path root = dirs.resolve(node).resolve("root");
            assertThat(root.resolve("ca-key.pem")).as("key on node " + node).isRegularFile();
            assertThat(root.resolve(PlatformRoot.DEVELOPMENT_MARKER)).as("marker on node " + node).isRegularFile();
        }
        assertThat(b.authority().certificate()).as("the other node can sign with the shared root").isEqualTo(onA.join());
    }

    @Test
    void aStaleDevelopmentRootInANodesFilesIsReplacedByTheRecordedOne() {
        X509Certificate recorded = node("a").certificate();
        PlatformRoot stale = node("stale");
        writeRoot(dirs.resolve("stale"), true);

        assertThat(stale.certificate()).isEqualTo(recorded);
        assertThat(PlatformRoot.readChain(dirs.resolve("stale").resolve("root").resolve("ca-chain.pem")).get(0)).isEqualTo(recorded);
    }

    @Test
    void aProductionRootIsSharedWithoutItsKeyAndAnotherOneIsRefused() {
        PlatformRoot first = node("first");
        CertificateAuthority production = writeRoot(dirs.resolve("first"), false);
        assertThat(first.certificate()).isEqualTo(production.certificate());

        PlatformRoot second = node("second");
        assertThat(second.certificate()).as("root from the database").isEqualTo(production.certificate());
        assertThat(dirs.resolve("second").resolve("root").resolve("ca-key.pem")).as("production key not shared").doesNotExist();
        assertThat(dirs.resolve("second").resolve("root").resolve(PlatformRoot.DEVELOPMENT_MARKER)).doesNotExist();
        assertThatThrownBy(second::authority).hasMessageContaining("key is not on this node");

        PlatformRoot other = node("other");
        CertificateAuthority another = writeRoot(dirs.resolve("other"), false);
        assertThatThrownBy(other::certificate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(another.name()).hasMessageContaining(production.name())
                .hasMessageContaining("give every node the same smgw.pki.dir/root");
    }

    private PlatformRoot node(String name) {
        PkiSettings settings = new PkiSettings();
        settings.secret = DevelopmentValue.DEV_PKI_SECRET;
        settings.dir = Optional.of(dirs.resolve(name).toString());
        PGSimpleDataSource login = new PGSimpleDataSource();
        login.setURL(db.url());
        login.setUser(ROLES.login());
        login.setPassword(ROLES.loginPassword());
        PlatformRootStore store = new PlatformRootStore();
        store.dataSource = login;
        PlatformRoot root = new PlatformRoot();
        root.settings = settings;
        root.guard = DEVELOPMENT;
        root.store = store;
        return root;
    }

    /** A root made offline (pki init-root layout), marked as made up by the platform or not. */
    private static CertificateAuthority writeRoot(Path pkiDir, boolean development) {
        CertificateAuthority root = CaHierarchy.createRoot("Root " + pkiDir.getFileName() + " " + System.nanoTime(),
                CurvePolicy.NIST, Duration.ofDays(3650));
        try {
            Path dir = Files.createDirectories(pkiDir.resolve("root"));
            Files.writeString(dir.resolve("ca-key.pem"), root.encryptedPrivateKeyPem(DevelopmentValue.DEV_PKI_SECRET.toCharArray()));
            if (development) {
                Files.writeString(dir.resolve(PlatformRoot.DEVELOPMENT_MARKER), "made up");
            }
            Files.writeString(dir.resolve("ca-chain.pem"), root.chainPem());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return root;
    }
}
