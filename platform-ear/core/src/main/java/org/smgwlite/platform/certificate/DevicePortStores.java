package org.smgwlite.platform.certificate;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;
import org.smgwlite.pki.ca.IssuedCertificate;

/**
 * Writes the device port's key store and trust store into {@code smgw.pki.dir/device-port/} when the
 * platform starts: the key store holds the port's server certificate (P-256, serverAuth, issued by the
 * root; renewed 30 days before it expires), the trust store only the platform root, so that the port
 * trusts our CAs and nothing else. Each node of a deployment group derives its own stores from the root the group
 * shares through the database ({@link PlatformRoot}): the same trust, a server key of its own (a key store made
 * under another root is made anew). The Payara listener that uses them is created with asadmin by the run
 * command and the integration tests ({@code devstack} {@code DevicePort}); it reads the stores' password
 * from {@value #PASSWORD_FILE} next to them.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DevicePortStores {

    public static final String KEY_STORE = "keystore.p12";
    public static final String TRUST_STORE = "truststore.p12";
    public static final String PASSWORD_FILE = "store-password";
    public static final String KEY_ALIAS = "device-port";
    private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(DevicePortStores.class.getName());

    @Inject
    PkiSettings settings;

    @Inject
    PlatformRoot root;

    @PostConstruct
    void write() {
        Path dir = settings.dir().resolve("device-port");
        try {
            Files.createDirectories(dir);
            char[] password = password(dir.resolve(PASSWORD_FILE));
            if (!current(dir.resolve(KEY_STORE), password)) {
                writeKeyStore(dir.resolve(KEY_STORE), password);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("smgw-root", root.certificate());
            store(trust, dir.resolve(TRUST_STORE), password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the device port's stores to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the device port's stores: " + e.getMessage(), e);
        }
    }

    private boolean current(Path keyStore, char[] password) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(keyStore)) {
            return false;
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            ks.load(in, password);
        }
        Certificate[] chain = ks.getCertificateChain(KEY_ALIAS);
        return chain != null && chain.length > 1
                && chain[chain.length - 1].equals(root.certificate())
                && ((X509Certificate) chain[0]).getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
    }

    private void writeKeyStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        IssuedCertificate server = root.authority().issueServerCertificate(keys.getPublic(),
                settings.devicePortHosts(), settings.devicePortIps(), SERVER_VALIDITY);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(KEY_ALIAS, keys.getPrivate(), password, server.fullChain().toArray(Certificate[]::new));
        store(ks, file, password);
        LOG.info("device port server certificate issued: " + server.auditSummary());
    }

    private static void store(KeyStore ks, Path file, char[] password) throws IOException, GeneralSecurityException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        PlatformRoot.writePrivate(tmp, "");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The stores' password: random, made once, readable only by the server's user. */
    private static char[] password(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            PlatformRoot.writePrivate(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return Files.readString(file).strip().toCharArray();
    }
}
