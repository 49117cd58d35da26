package org.smgwlite.pki.pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.smgwlite.pki.internal.Keys;
import org.smgwlite.pki.internal.Pem;

/**
 * A credential's parts as PEM: the certificate chain ({@code CERTIFICATE} blocks, leaf first) and the unencrypted
 * PKCS#8 EC private key ({@code PRIVATE KEY}), as text and as files. Certificates and keys are read through the
 * module's private Bouncy Castle provider, like every certificate the module hands out.
 *
 * <p>A key file is written owner-only ({@code rw-------}) from its creation and replaces the old one atomically,
 * so a crash leaves either the old key or the new one, never a half-written file.
 */
public final class PemCredentials {

    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";

    private PemCredentials() {
    }

    /** The chain as concatenated {@code CERTIFICATE} blocks, in the given order. */
    public static String chainPem(List<X509Certificate> chain) {
        return Pem.certificates(chain);
    }

    /**
     * Every {@code CERTIFICATE} block of the text, in order; other blocks are skipped.
     *
     * @throws IllegalArgumentException when the text has no certificate or one that is not X.509
     */
    public static List<X509Certificate> parseChain(String pem) {
        List<X509Certificate> chain = Pem.parseCertificates(pem);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate in PEM");
        }
        return chain;
    }

    /** The key as a {@code PRIVATE KEY} block (unencrypted PKCS#8). */
    public static String privateKeyPem(PrivateKey key) {
        return Pem.encode(PRIVATE_KEY, key.getEncoded());
    }

    /**
     * The first {@code PRIVATE KEY} block of the text as an EC key.
     *
     * @throws IllegalArgumentException when there is none or it is not a PKCS#8 EC key
     */
    public static PrivateKey parsePrivateKey(String pem) {
        List<byte[]> blocks = Pem.decodeAll(pem, PRIVATE_KEY);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no PRIVATE KEY block in PEM");
        }
        try {
            return Keys.privateKey(blocks.get(0));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC key: " + e.getMessage(), e);
        }
    }

    /** @throws IOException naming the file when it cannot be read or holds no certificate */
    public static List<X509Certificate> readChain(Path file) throws IOException {
        try {
            return parseChain(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static void writeChain(Path file, List<X509Certificate> chain) throws IOException {
        Files.writeString(file, chainPem(chain), StandardCharsets.US_ASCII);
    }

    /** @throws IOException naming the file when it cannot be read or holds no PKCS#8 EC key */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try {
            return parsePrivateKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the key owner-only and replaces {@code file} atomically (see the class comment). */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, privateKeyPem(key), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
