package org.smgwlite.pki.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLServerSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.pki.Openssl;
import org.smgwlite.pki.pem.PemCredentials;

/**
 * The brainpool device port of {@link BrainpoolTlsTest} against another TLS stack: {@code openssl s_client}
 * with the brainpool gateway's key and chain. Skipped (assumption) only where no {@code openssl} is installed;
 * the TLS 1.3 case also needs OpenSSL 3.2 or later, the first with RFC 8734 (brainpool in TLS 1.3).
 */
class OpensslTlsTest {

    private static final Pattern VERSION = Pattern.compile("OpenSSL (\\d+)\\.(\\d+)");

    @TempDir
    static Path dir;

    private static String opensslVersion;

    @BeforeAll
    static void writeGatewayFiles() throws IOException {
        opensslVersion = Openssl.version();
        assumeTrue(!opensslVersion.isEmpty(), "openssl is not installed: TLS interop not tested");
        Files.writeString(dir.resolve("gw.key"), PemCredentials.privateKeyPem(BrainpoolTlsTest.GATEWAY_KEYS.getPrivate()));
        List<X509Certificate> chain = BrainpoolTlsTest.GATEWAY.fullChain();
        Files.writeString(dir.resolve("gw.pem"), PemCredentials.chainPem(chain.subList(0, 1)));
        Files.writeString(dir.resolve("gw-chain.pem"), PemCredentials.chainPem(chain.subList(1, chain.size())));
        Files.writeString(dir.resolve("root.pem"), PemCredentials.chainPem(List.of(BrainpoolTlsTest.ROOT.certificate())));
    }

    @Test
    void tls12HandshakeOnBrainpoolP256r1() throws Exception {
        Result result = sClient("-tls1_2", "-curves", "brainpoolP256r1");

        assertThat(result.server()).as(result.client()).isEqualTo("peer=CN=EDEF0012345678,OU=bp-1,O=SMGW.Lite");
        assertThat(result.client()).contains("Protocol version: TLSv1.2")
                .containsPattern("Ciphersuite: ECDHE-ECDSA-AES(128|256)-GCM-SHA(256|384)")
                .contains("Server Temp Key: ECDH, brainpoolP256r1, 256 bits")
                .contains("Verification: OK");
    }

    @Test
    void tls13HandshakeOnBrainpoolP256r1() throws Exception {
        assumeTrue(atLeast(3, 2), opensslVersion.trim() + " has no brainpool in TLS 1.3 (RFC 8734 came with 3.2)");

        Result result = sClient("-tls1_3", "-curves", "brainpoolP256r1tls13");

        assertThat(result.server()).as(result.client()).isEqualTo("peer=CN=EDEF0012345678,OU=bp-1,O=SMGW.Lite");
        assertThat(result.client()).contains("Protocol version: TLSv1.3")
                .contains("Server Temp Key: ECDH, brainpoolP256r1tls13, 256 bits");
    }

    @Test
    void tls11IsRefused() throws Exception {
        Result result = sClient("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-curves", "brainpoolP256r1");

        assertThat(result.server()).as(result.client()).startsWith("failed").contains("protocol_version");
        assertThat(result.client()).doesNotContain("Protocol version: TLSv1.1");
    }

    @Test
    void nonAeadSuiteIsRefused() throws Exception {
        Result result = sClient("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256", "-curves", "brainpoolP256r1");

        assertThat(result.server()).as(result.client()).startsWith("failed").contains("no selectable cipher suite");
        assertThat(result.client()).doesNotContain("Ciphersuite: ECDHE-ECDSA-AES128-SHA256");
    }

    private record Result(String client, String server) {
    }

    /** One {@code s_client} connection to a fresh brainpool device port; stdin is empty, so it ends after the handshake. */
    private static Result sClient(String... options) throws Exception {
        TlsEndpoint server = BrainpoolTlsTest.devicePort(BrainpoolTlsTest.emptyCrl());
        try (SSLServerSocket listener = server.bind(InetAddress.getLoopbackAddress(), 0)) {
            CompletableFuture<String> serverSide = LoopbackHandshake.serveOnce(server, listener);
            List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-brief",
                    "-connect", "127.0.0.1:" + listener.getLocalPort(), "-servername", "localhost",
                    "-key", dir.resolve("gw.key").toString(), "-cert", dir.resolve("gw.pem").toString(),
                    "-cert_chain", dir.resolve("gw-chain.pem").toString(), "-CAfile", dir.resolve("root.pem").toString(),
                    "-verify_return_error"));
            command.addAll(List.of(options));
            Openssl.Result client = Openssl.start(command.toArray(String[]::new));
            return new Result(client.output(), serverSide.get(20, TimeUnit.SECONDS));
        }
    }

    private static boolean atLeast(int major, int minor) {
        Matcher m = VERSION.matcher(opensslVersion);
        if (!m.find()) {
            return false;
        }
        int actualMajor = Integer.parseInt(m.group(1));
        return actualMajor > major || actualMajor == major && Integer.parseInt(m.group(2)) >= minor;
    }
}
