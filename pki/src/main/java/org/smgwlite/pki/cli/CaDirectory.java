package org.smgwlite.pki.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.smgwlite.pki.ca.CertificateAuthority;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.crl.RevocationReason;
import org.smgwlite.pki.crl.RevokedCertificate;

/**
 * One CA's files: {@code ca-chain.pem}, {@code ca-key.pem} (encrypted), {@code issued.tsv} (the audit trail:
 * serial, profile, subject, not-after, SHA-256), {@code revoked.tsv}, {@code crl-number}, {@code crl.pem} and
 * {@code certs/<serial>.pem}. Plain text, so an operator can read what the offline CA did.
 */
final class CaDirectory {

    private final Path dir;

    CaDirectory(Path dir) {
        this.dir = dir;
    }

    static CaDirectory root(Path base) {
        return new CaDirectory(base.resolve("root"));
    }

    static CaDirectory tenant(Path base, String tenant) {
        return new CaDirectory(base.resolve("tenants").resolve(tenant));
    }

    Path path() {
        return dir;
    }

    boolean exists() {
        return Files.exists(dir.resolve("ca-chain.pem"));
    }

    CertificateAuthority load(char[] secret) throws IOException {
        if (!exists()) {
            throw new UsageException("no CA in " + dir + " (create it first)");
        }
        return CertificateAuthority.fromPem(Files.readString(dir.resolve("ca-chain.pem")),
                Files.readString(dir.resolve("ca-key.pem")), secret);
    }

    void create(CertificateAuthority ca, char[] secret) throws IOException {
        if (exists()) {
            throw new UsageException("a CA already exists in " + dir + "; refusing to overwrite it");
        }
        Files.createDirectories(dir.resolve("certs"));
        writePrivate(dir.resolve("ca-key.pem"), ca.encryptedPrivateKeyPem(secret));
        Files.writeString(dir.resolve("ca-chain.pem"), ca.chainPem());
        Files.writeString(dir.resolve("crl-number"), "0\n");
        Files.writeString(dir.resolve("issued.tsv"), "serial\tprofile\tsubject\tnotBefore\tnotAfter\tsha256\n");
        Files.writeString(dir.resolve("revoked.tsv"), "serial\trevokedAt\treason\n");
    }

    Path record(IssuedCertificate issued) throws IOException {
        Files.writeString(dir.resolve("issued.tsv"), String.join("\t", issued.serialHex(), issued.profile().name(),
                issued.subject(), issued.notBefore().toString(), issued.notAfter().toString(), issued.sha256Fingerprint()) + "\n",
                StandardOpenOption.APPEND);
        Path file = dir.resolve("certs").resolve(issued.serialHex() + ".pem");
        Files.writeString(file, issued.fullChainPem());
        return file;
    }

    /** Revokes a serial this CA issued; unknown or already revoked serials are refused (a typo must not pass). */
    RevokedCertificate revoke(BigInteger serial, RevocationReason reason, Instant at) throws IOException {
        String hex = serial.toString(16);
        boolean issued = Files.readAllLines(dir.resolve("issued.tsv")).stream().skip(1)
                .anyMatch(line -> line.startsWith(hex + "\t"));
        if (!issued) {
            throw new UsageException("serial " + hex + " was not issued by " + dir);
        }
        if (revoked().stream().anyMatch(r -> r.serial().equals(serial))) {
            throw new UsageException("serial " + hex + " is already revoked");
        }
        RevokedCertificate entry = new RevokedCertificate(serial, at, reason);
        Files.writeString(dir.resolve("revoked.tsv"), hex + "\t" + at + "\t" + reason.name() + "\n", StandardOpenOption.APPEND);
        return entry;
    }

    List<RevokedCertificate> revoked() throws IOException {
        List<RevokedCertificate> result = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("revoked.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            result.add(new RevokedCertificate(new BigInteger(fields[0], 16), Instant.parse(fields[1]),
                    RevocationReason.valueOf(fields[2])));
        }
        return result;
    }

    /** Increments and returns the CRL number, so that every CRL of this CA has a larger one. */
    BigInteger nextCrlNumber() throws IOException {
        Path file = dir.resolve("crl-number");
        BigInteger next = new BigInteger(Files.readString(file).trim()).add(BigInteger.ONE);
        Files.writeString(file, next + "\n");
        return next;
    }

    static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the key is encrypted anyway
        }
    }

    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    }
}
