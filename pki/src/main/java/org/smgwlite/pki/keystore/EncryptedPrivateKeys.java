package org.smgwlite.pki.keystore;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.smgwlite.pki.PkiFailure;
import org.smgwlite.pki.internal.Bc;
import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.internal.Pem;

/**
 * Encrypts and decrypts private keys as PEM {@code ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2 with
 * PBKDF2-HMAC-SHA256 and AES-256-CBC, random salt and IV). The same file opens with
 * {@code openssl pkey -in ca.key.pem -passin env:VAR}. The secret is never copied into a String.
 */
public final class EncryptedPrivateKeys {

    /** OWASP's 2021 figure for PBKDF2-HMAC-SHA256; about a quarter second per load on one core. */
    public static final int PBKDF2_ITERATIONS = 310_000;

    /** Shorter secrets are refused: the secret is the only thing between a copied key file and the key. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PEM_TYPE = "ENCRYPTED PRIVATE KEY";

    private EncryptedPrivateKeys() {
    }

    public static String encrypt(PrivateKey key, char[] secret) {
        requireStrong(secret);
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(Bc.PROVIDER)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setRandom(RANDOM)
                    .setPassword(secret)
                    .build();
            PKCS8Generator generator = new PKCS8Generator(PrivateKeyInfo.getInstance(key.getEncoded()), encryptor);
            return Pem.encode(PEM_TYPE, generator.generate().getContent());
        } catch (OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new PkiFailure("cannot encrypt private key", e);
        }
    }

    /**
     * @throws KeyDecryptionException if the text holds no encrypted key or the secret is wrong
     */
    public static PrivateKey decrypt(String pem, char[] secret) {
        List<byte[]> blocks;
        try {
            blocks = Pem.decodeAll(pem, PEM_TYPE);
        } catch (IllegalArgumentException e) {
            throw new KeyDecryptionException("not PEM: " + e.getMessage(), e);
        }
        if (blocks.size() != 1) {
            throw new KeyDecryptionException("expected exactly one " + PEM_TYPE + " block, found " + blocks.size(), null);
        }
        try {
            PKCS8EncryptedPrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(blocks.get(0));
            PrivateKeyInfo plain = info.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(secret));
            return Keys.privateKey(plain.getEncoded());
        } catch (PKCSException e) {
            throw new KeyDecryptionException("private key cannot be decrypted: wrong secret or damaged file", e);
        } catch (IOException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            throw new KeyDecryptionException("not an encrypted PKCS#8 EC private key: " + e.getMessage(), e);
        }
    }

    private static void requireStrong(char[] secret) {
        if (secret == null || secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("key encryption secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
    }
}
