package org.smgwlite.pki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.internal.Pem;

/** The offline session of the README, run in-process against a temporary directory. */
class PkiCliTest {

    private static final String SECRET = "cli-test-secret-0123456789";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int pki(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return new PkiCli(new PrintStream(out, true, StandardCharsets.UTF_8), env)
                .run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int pki(String... args) {
        return pki(Map.of(PkiCli.SECRET_ENV, SECRET), args);
    }

    @Test
    void offlineSessionIssuesRevokesAndPublishesCrl() throws Exception {
        String d = dir.resolve("pki").toString();
        Files.write(dir.resolve("gw.csr"), Pem.encode("CERTIFICATE REQUEST",
                TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678")).getBytes());

        assertThat(pki("init-root", "--dir", d)).isZero();
        assertThat(pki("create-tenant-ca", "--dir", d, "--tenant", "stadtwerke-a")).isZero();
        assertThat(pki("issue-server", "--dir", d, "--host", "localhost", "--ip", "127.0.0.1")).isZero();
        assertThat(pki("issue-gateway", "--dir", d, "--tenant", "stadtwerke-a", "--gateway", "EDEF0012345678",
                "--csr", dir.resolve("gw.csr").toString(), "--out", dir.resolve("gw.pem").toString())).as(err.toString()).isZero();
        String issuedLine = out.toString();
        assertThat(issuedLine).contains("gateway=EDEF0012345678", "profile=GATEWAY_TLS");

        List<X509Certificate> chain = Pem.parseCertificates(Files.readString(dir.resolve("gw.pem")));
        assertThat(chain).hasSize(3);
        String serial = chain.get(0).getSerialNumber().toString(16);
        assertThat(issuedLine).contains("serial=" + serial);

        assertThat(pki("revoke", "--dir", d, "--tenant", "stadtwerke-a", "--serial", serial, "--reason", "keyCompromise")).isZero();
        assertThat(pki("crl", "--dir", d, "--tenant", "stadtwerke-a")).isZero();
        assertThat(pki("crl", "--dir", d, "--tenant", "stadtwerke-a")).isZero();
        X509CRL crl = Pem.crl(Pem.decodeAll(Files.readString(Path.of(d, "tenants", "stadtwerke-a", "crl.pem")), "X509 CRL").get(0));
        assertThat(crl.isRevoked(chain.get(0))).isTrue();
        assertThat(Files.readString(Path.of(d, "tenants", "stadtwerke-a", "crl-number")).trim()).isEqualTo("2");

        assertThat(Files.readString(Path.of(d, "tenants", "stadtwerke-a", "ca-key.pem"))).contains("ENCRYPTED PRIVATE KEY");
        assertThat(Files.readString(Path.of(d, "server", "localhost.key.pem"))).contains("ENCRYPTED PRIVATE KEY");
        assertThat(out.toString() + err.toString()).doesNotContain(SECRET);
    }

    @Test
    void refusalsExitNonZeroAndIssueNothing() throws Exception {
        String d = dir.resolve("pki").toString();
        Files.write(dir.resolve("gw.csr"), TestPki.csrDer(TestPki.ecKeys("secp256r1"), "CN=EDEF0012345678"));
        pki("init-root", "--dir", d);
        pki("create-tenant-ca", "--dir", d, "--tenant", "t01");
        Path issued = Path.of(d, "tenants", "t01", "issued.tsv");
        long before = Files.readAllLines(issued).size();

        assertThat(pki("issue-gateway", "--dir", d, "--tenant", "t01", "--gateway", "OTHER-GATEWAY", "--csr",
                dir.resolve("gw.csr").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("refused", "OTHER-GATEWAY");
        assertThat(Files.readAllLines(issued)).hasSize((int) before);

        assertThat(pki(Map.of(PkiCli.SECRET_ENV, "wrong-secret-0123456789"), "crl", "--dir", d, "--tenant", "t01")).isEqualTo(1);
        assertThat(err.toString()).contains("wrong secret").doesNotContain("wrong-secret-0123456789");
        assertThat(pki(Map.of(), "crl", "--dir", d)).isEqualTo(2);
        assertThat(pki("revoke", "--dir", d, "--tenant", "t01", "--serial", "abcdef")).isEqualTo(2);
        assertThat(pki("init-root", "--dir", d)).isEqualTo(2);
        assertThat(err.toString()).contains("refusing to overwrite");
        assertThat(pki("frobnicate")).isEqualTo(2);
    }

    @Test
    void secretFileIsReadAndTooShortSecretRefused() throws Exception {
        Path secretFile = dir.resolve("secret");
        Files.writeString(secretFile, SECRET + "\n");
        assertThat(pki(Map.of(), "init-root", "--dir", dir.resolve("a").toString(), "--secret-file", secretFile.toString(),
                "--policy", "brainpool")).isZero();
        assertThat(out.toString()).contains("brainpoolP384r1").doesNotContain(SECRET);
        assertThat(pki(Map.of(PkiCli.SECRET_ENV, "short"), "init-root", "--dir", dir.resolve("b").toString())).isEqualTo(2);
    }
}
