package org.smgwlite.pki.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;

import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.Curve;
import org.smgwlite.pki.CurvePolicy;
import org.smgwlite.pki.TestPki;
import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.internal.Pem;

class EncryptedPrivateKeysTest {

    private static final char[] SECRET = "correct horse battery staple".toCharArray();

    @Test
    void brainpoolKeyRoundTripsAsPbes2Aes256() {
        KeyPair keys = Keys.generate(Curve.BRAINPOOL_P384R1);
        String pem = EncryptedPrivateKeys.encrypt(keys.getPrivate(), SECRET);

        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(Pem.decodeAll(pem, "ENCRYPTED PRIVATE KEY").get(0));
        assertThat(info.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
        assertThat(pbes2.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
        PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        assertThat(kdf.getIterationCount().intValue()).isEqualTo(EncryptedPrivateKeys.PBKDF2_ITERATIONS);
        assertThat(kdf.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);

        assertThat(EncryptedPrivateKeys.decrypt(pem, SECRET).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void wrongSecretAndWeakSecretAreRefused() {
        String pem = EncryptedPrivateKeys.encrypt(Keys.generate(Curve.P384).getPrivate(), SECRET);
        assertThatThrownBy(() -> EncryptedPrivateKeys.decrypt(pem, "wrong horse battery staple".toCharArray()))
                .isInstanceOf(KeyDecryptionException.class).hasMessageContaining("wrong secret");
        assertThatThrownBy(() -> EncryptedPrivateKeys.encrypt(Keys.generate(Curve.P384).getPrivate(), "short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void caRoundTripsThroughPemAndKeepsIssuing() {
        CertificateAuthority ca = TestPki.tenantCa(CurvePolicy.NIST, "msb-1");
        CertificateAuthority loaded = CertificateAuthority.fromPem(ca.chainPem(), ca.encryptedPrivateKeyPem(SECRET), SECRET);

        assertThat(loaded.chain()).isEqualTo(ca.chain());
        assertThat(loaded.policy()).isEqualTo(CurvePolicy.NIST);
        assertThat(loaded.encryptedPrivateKeyPem(SECRET)).doesNotContain(new String(SECRET));
    }
}
