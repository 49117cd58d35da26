package org.smgwlite.pki.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.jsse.BCSSLEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.internal.Keys;

/** The device port's context on Payara, from the PKCS#12 stores the platform writes, as Grizzly hands them over. */
class ListenerContextsTest {

    private static final char[] PASSWORD = "store-secret-1234".toCharArray();

    @TempDir
    Path dir;
    private Map<String, String> attributes;

    @BeforeEach
    void writeStores() throws Exception {
        CertificateAuthority root = TestPki.rootOf(TestPki.tenantCa(CurvePolicy.NIST, "platform"));
        KeyPair keys = Keys.generate(Curve.P256);
        IssuedCertificate server = root.issueServerCertificate(keys.getPublic(), List.of("localhost"), List.of("127.0.0.1"),
                Duration.ofDays(30));
        List<Certificate> chain = new ArrayList<>();
        chain.add(server.certificate());
        chain.addAll(server.issuerChain());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("device-port", keys.getPrivate(), PASSWORD, chain.toArray(Certificate[]::new));
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("smgw-root", root.certificate());
        store(ks, dir.resolve("keystore.p12"));
        store(ts, dir.resolve("truststore.p12"));
        attributes = new HashMap<>(Map.of(
                "keystore", dir.resolve("keystore.p12").toString(), "keystorePass", new String(PASSWORD),
                "keyAlias", "device-port",
                "truststore", dir.resolve("truststore.p12").toString(), "truststorePass", new String(PASSWORD)));
    }

    @Test
    void everyEngineIsBouncyCastlesAndOffersTheBrainpoolGroups() {
        SSLContext context = new ListenerContexts().apply(attributes);

        assertThat(context.getProvider().getName()).isEqualTo("BCJSSE");
        for (SSLEngine engine : List.of(context.createSSLEngine(), context.createSSLEngine("gateway", 4711))) {
            assertThat(engine).isInstanceOf(BCSSLEngine.class);
            assertThat(((BCSSLEngine) engine).getParameters().getNamedGroups())
                    .containsExactlyElementsOf(DevicePortTls.NAMED_GROUPS)
                    .contains("brainpoolP256r1", "brainpoolP256r1tls13");
        }
    }

    @Test
    void withoutAKeyAliasTheStoresOnlyKeyIsUsed() {
        attributes.remove("keyAlias");

        assertThat(new ListenerContexts().apply(attributes).createSSLEngine()).isInstanceOf(BCSSLEngine.class);
    }

    @Test
    void aMissingOrUnreadableStoreIsNamed() throws Exception {
        Map<String, String> noTrust = new HashMap<>(attributes);
        noTrust.remove("truststore");
        assertThatThrownBy(() -> new ListenerContexts().apply(noTrust))
                .isInstanceOf(PkiFailure.class).hasMessage("the device port listener has no truststore configured");

        Map<String, String> wrongPassword = new HashMap<>(attributes);
        wrongPassword.put("keystorePass", "not-the-password");
        assertThatThrownBy(() -> new ListenerContexts().apply(wrongPassword))
                .isInstanceOf(PkiFailure.class).hasMessageContaining("device port keystore " + dir.resolve("keystore.p12") + " cannot be read");

        Map<String, String> wrongAlias = new HashMap<>(attributes);
        wrongAlias.put("keyAlias", "other");
        assertThatThrownBy(() -> new ListenerContexts().apply(wrongAlias))
                .isInstanceOf(PkiFailure.class).hasMessageContaining("has no private key 'other'");
    }

    @Test
    void theContextCannotBeInitialisedAgain() {
        SSLContext context = new ListenerContexts().apply(attributes);

        assertThatThrownBy(() -> context.init(null, null, null)).hasMessageContaining("already initialised");
    }

    private static void store(KeyStore store, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
    }
}
