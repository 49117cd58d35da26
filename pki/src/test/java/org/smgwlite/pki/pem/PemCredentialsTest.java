package org.smgwlite.pki.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.ca.CertificateAuthority;

class PemCredentialsTest {

    @Test
    void chainAndKeyGoThroughTheirFilesUnchanged(@TempDir Path dir) throws IOException {
        CertificateAuthority ca = TestPki.tenantCa(CurvePolicy.NIST, "pem-test");
        KeyPair keys = TestPki.ecKeys("secp256r1");
        List<X509Certificate> chain = ca.chain();

        Path chainFile = dir.resolve("tls.chain.pem");
        Path keyFile = dir.resolve("tls.key");
        PemCredentials.writeChain(chainFile, chain);
        PemCredentials.writePrivateKey(keyFile, keys.getPrivate());

        assertThat(Files.readString(chainFile)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(PemCredentials.readChain(chainFile)).isEqualTo(chain);
        PrivateKey read = PemCredentials.readPrivateKey(keyFile);
        assertThat(read.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(dir.resolve("tls.key.tmp")).doesNotExist();
    }

    @Test
    void aFileWithoutWhatItShouldHoldIsAnIoErrorNamingIt(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        assertThatThrownBy(() -> PemCredentials.readChain(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.pem").hasMessageContaining("no certificate");
        assertThatThrownBy(() -> PemCredentials.readPrivateKey(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.pem").hasMessageContaining("no PRIVATE KEY");
        Path garbage = Files.writeString(dir.resolve("bad.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemCredentials.readPrivateKey(garbage)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a PKCS#8 EC key");
    }
}
