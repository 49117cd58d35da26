package org.smgwlite.platform.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.security.auth.x500.X500Principal;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.ca.CaHierarchy;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.pem.PemCredentials;
import org.smgwlite.pki.tls.RootFingerprint;
import org.smgwlite.platform.deployment.DeploymentGuard;

/**
 * The platform root CA in {@code smgw.pki.dir/root}, in the layout of {@code pki/pki init-root}, and shared by the
 * nodes of a deployment group through the database ({@link PlatformRootStore}): every node checks its files against
 * the recorded root, or writes the recorded root into them, before it uses them ({@code ensureExists}). Its
 * certificate is always needed (trust anchor of the device port and of renewals); its key only to create a
 * tenant CA or the device-port server certificate, and it is read only then. Where no root exists yet the
 * platform creates a development root (NIST) there, marked by {@value #DEVELOPMENT_MARKER} next to it, but only
 * in development mode ({@link DeploymentGuard}): in production, create the root offline with the CLI and keep its
 * key off the server once the tenant CAs exist.
 */
@ApplicationScoped
public class PlatformRoot {

    private static final Logger LOG = Logger.getLogger(PlatformRoot.class.getName());
    private static final Duration DEV_ROOT_VALIDITY = Duration.ofDays(20 * 365);
    /** Written next to a root the platform created itself: such a root is a development root. */
    static final String DEVELOPMENT_MARKER = "DEVELOPMENT-ROOT.txt";

    @Inject
    PkiSettings settings;

    @Inject
    DeploymentGuard guard;

    @Inject
    PlatformRootStore store;

    /** True once this node's {@code root/} is known to hold the deployment group's root. */
    private boolean shared;

    /** True where {@code pkiDir} has no root yet (one would be made up) or the one the platform made up. */
    public static boolean isDevelopmentRoot(Path pkiDir) {
        Path root = pkiDir.resolve("root");
        return !Files.isRegularFile(root.resolve("ca-chain.pem")) || Files.exists(root.resolve(DEVELOPMENT_MARKER));
    }

    private volatile X509Certificate certificate;

    /** The root certificate (trust anchor). */
    public X509Certificate certificate() {
        X509Certificate c = certificate;
        if (c == null) {
            synchronized (this) {
                if (certificate == null) {
                    ensureExists();
                    certificate = readChain(chainFile()).get(0);
                }
                c = certificate;
            }
        }
        return c;
    }

    /** The root for pinning: subject, validity, fingerprint, PEM. */
    public RootSummary summary() {
        X509Certificate root = certificate();
        return new RootSummary(root.getSubjectX500Principal().getName(X500Principal.RFC2253), root.getNotBefore().toInstant(),
                root.getNotAfter().toInstant(), RootFingerprint.of(root).toString(), PemCredentials.chainPem(List.of(root)));
    }

    /** The root with its key, for signing a tenant CA or the device-port certificate. */
    synchronized CertificateAuthority authority() {
        ensureExists();
        if (!Files.isRegularFile(keyFile())) {
            throw new IllegalStateException("the root CA's key is not on this node (" + keyFile() + "): it is needed to"
                    + " create a tenant CA or the device port's certificate; put it there (pki/pki init-root layout)");
        }
        char[] secret = settings.secret();
        try {
            return CertificateAuthority.fromPem(read(chainFile()), read(keyFile()), secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** An offline-created tenant CA in {@code tenants/<tenant>/} (layout of {@code pki/pki create-tenant-ca}). */
    Optional<CertificateAuthority> offlineTenantCa(String tenant) {
        Path dir = settings.dir().resolve("tenants").resolve(tenant);
        if (!Files.isRegularFile(dir.resolve("ca-chain.pem"))) {
            return Optional.empty();
        }
        char[] secret = settings.secret();
        try {
            return Optional.of(CertificateAuthority.fromPem(read(dir.resolve("ca-chain.pem")), read(dir.resolve("ca-key.pem")), secret));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private Path chainFile() {
        return settings.dir().resolve("root").resolve("ca-chain.pem");
    }

    private Path keyFile() {
        return settings.dir().resolve("root").resolve("ca-key.pem");
    }

    /**
     * Makes this node's {@code root/} the deployment group's root, once per node: a root in the files is recorded in
     * the database if none is yet and must be the recorded one; without files the recorded root is written into them
     * (its key only if the database holds it); without either a development root is made up, if the guard allows,
     * and recorded — the first node to record one wins, and the others write the winner into their files.
     *
     * @throws IllegalStateException where the files hold a production root other than the recorded one
     */
    private void ensureExists() {
        if (shared) {
            return;
        }
        Optional<PlatformRootStore.StoredRoot> stored = store.find();
        if (Files.isRegularFile(chainFile())) {
            boolean development = Files.exists(markerFile());
            PlatformRootStore.StoredRoot recorded = stored.orElseGet(() -> store.recordIfNone(new PlatformRootStore.StoredRoot(
                    read(chainFile()), development ? read(keyFile()) : null, development)));
            X509Certificate inFiles = readChain(chainFile()).get(0);
            X509Certificate inDatabase = parseCertificates(recorded.chainPem()).get(0);
            if (!inFiles.equals(inDatabase)) {
                if (!development) {
                    throw new IllegalStateException(chainFile() + " holds the root " + describe(inFiles)
                            + ", but the deployment group's root (database, platform_root) is " + describe(inDatabase)
                            + ": give every node the same smgw.pki.dir/root");
                }
                LOG.warning("the development root in " + chainFile().getParent() + " is not the database's: replaced by "
                        + describe(inDatabase));
                writeFiles(recorded);
            }
        } else {
            PlatformRootStore.StoredRoot recorded = stored.orElseGet(this::makeUpDevelopmentRoot);
            writeFiles(recorded);
        }
        shared = true;
    }

    private PlatformRootStore.StoredRoot makeUpDevelopmentRoot() {
        guard.requireDevelopmentRootAllowed();
        CertificateAuthority root = CaHierarchy.createRoot("SMGW.Lite Root CA", CurvePolicy.NIST, DEV_ROOT_VALIDITY);
        char[] secret = settings.secret();
        try {
            PlatformRootStore.StoredRoot recorded = store.recordIfNone(
                    new PlatformRootStore.StoredRoot(root.chainPem(), root.encryptedPrivateKeyPem(secret), true));
            if (recorded.chainPem().equals(root.chainPem())) {
                LOG.warning("no root CA in " + chainFile().getParent() + " nor in the database: created a DEVELOPMENT root "
                        + root.name() + "; in production create it offline with pki/pki init-root");
            }
            return recorded;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The recorded root into {@code root/}: key first, so that no chain is ever there without the key it has. */
    private void writeFiles(PlatformRootStore.StoredRoot recorded) {
        try {
            Files.createDirectories(chainFile().getParent());
            if (recorded.key().isPresent()) {
                writePrivate(keyFile(), recorded.key().get());
            }
            if (recorded.development()) {
                Files.writeString(markerFile(), "Created by the platform in development mode: a production platform"
                        + " refuses to start on this root. Create one with pki/pki init-root instead.\n");
            }
            Files.writeString(chainFile(), recorded.chainPem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the root CA to " + chainFile().getParent(), e);
        }
    }

    private Path markerFile() {
        return chainFile().resolveSibling(DEVELOPMENT_MARKER);
    }

    private static String describe(X509Certificate root) {
        return root.getSubjectX500Principal().getName(X500Principal.RFC2253) + " (" + RootFingerprint.of(root) + ")";
    }

    static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<X509Certificate> readChain(Path file) {
        return parseCertificates(read(file));
    }

    /** PEM certificates parsed by the JDK (no Bouncy Castle outside the pki module). */
    static List<X509Certificate> parseCertificates(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PEM certificate chain: " + e.getMessage(), e);
        }
    }
}
