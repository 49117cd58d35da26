package org.smgwlite.platform.metering.retention;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The archive of one month of one partitioned table: a directory {@code <root>/<table>/<YYYY-MM>/} with a gzip'd
 * binary COPY stream per archived table and a {@code manifest.properties} (rows, SHA-256 of each file as
 * {@code sha256sum} prints it, SHA-256 of the uncompressed stream, columns). It is written into a hidden working
 * directory, each file read back and checked (rows counted in the file equal the rows PostgreSQL sent, same stream
 * digest), synced to disk and only then moved into place; closed without {@link #seal}, it leaves nothing behind.
 */
final class MonthArchive implements AutoCloseable {

    /** Writes one table's COPY stream and returns the number of rows PostgreSQL reports for it. */
    @FunctionalInterface
    interface CopyOut {
        long copyTo(OutputStream out) throws SQLException, IOException;
    }

    /** One file of the archive as the manifest lists it. */
    record ArchivedFile(String file, String columns, long rows, String fileSha256, String copySha256) {
    }

    private final Path finalDir;
    private final Path workDir;
    private final String table;
    private final YearMonth month;
    private final List<ArchivedFile> files = new ArrayList<>();
    private boolean sealed;

    MonthArchive(Path root, String table, YearMonth month) throws IOException {
        this.table = table;
        this.month = month;
        Path tableDir = root.resolve(table);
        this.finalDir = tableDir.resolve(month.toString());
        this.workDir = tableDir.resolve("." + month + ".partial");
        Files.createDirectories(tableDir);
        deleteTree(workDir);
        Files.createDirectory(workDir);
    }

    /** Writes, reads back and checks one table's rows of the month. */
    ArchivedFile add(String name, String columns, CopyOut copy) throws IOException, SQLException {
        Path file = workDir.resolve(name + ".copy.gz");
        MessageDigest fileDigest = sha256();
        MessageDigest copyDigest = sha256();
        long rows;
        try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
             DigestOutputStream fileOut = new DigestOutputStream(raw, fileDigest);
             GZIPOutputStream gzip = new GZIPOutputStream(fileOut, 1 << 16);
             DigestOutputStream copyOut = new DigestOutputStream(gzip, copyDigest)) {
            rows = copy.copyTo(copyOut);
        }
        ArchivedFile written = new ArchivedFile(file.getFileName().toString(), columns, rows,
                HexFormat.of().formatHex(fileDigest.digest()), HexFormat.of().formatHex(copyDigest.digest()));
        verify(file, written);
        force(file);
        files.add(written);
        return written;
    }

    /** Reads the file back as a restore would: same file digest, a whole COPY stream, the same digest and row count. */
    private static void verify(Path file, ArchivedFile expected) throws IOException {
        MessageDigest fileDigest = sha256();
        MessageDigest copyDigest = sha256();
        long rows;
        try (InputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), fileDigest);
             InputStream copy = new DigestInputStream(new GZIPInputStream(raw, 1 << 16), copyDigest)) {
            rows = CopyTuples.count(copy);
            raw.transferTo(OutputStream.nullOutputStream());
        }
        String fileSha = HexFormat.of().formatHex(fileDigest.digest());
        String copySha = HexFormat.of().formatHex(copyDigest.digest());
        if (rows != expected.rows() || !fileSha.equals(expected.fileSha256()) || !copySha.equals(expected.copySha256())) {
            throw new IOException("archive " + file + " does not read back as written: " + rows + " rows (sent "
                    + expected.rows() + "), file SHA-256 " + (fileSha.equals(expected.fileSha256()) ? "equal" : "differs")
                    + ", stream SHA-256 " + (copySha.equals(expected.copySha256()) ? "equal" : "differs"));
        }
    }

    /** Writes the manifest, syncs and moves the directory into place (replacing one of an earlier, rolled-back run). */
    Path seal(Instant at) throws IOException {
        StringBuilder m = new StringBuilder()
                .append("# SMGW.Lite month archive: one gzip'd PostgreSQL binary COPY stream per table.\n")
                .append("# Restore: CREATE TABLE r (LIKE <table>); then gunzip -c <file> | psql -c \"COPY r FROM STDIN (FORMAT binary)\"\n")
                .append("table=").append(table).append('\n')
                .append("month=").append(month).append('\n')
                .append("from=").append(month.atDay(1)).append("T00:00:00Z\n")
                .append("to=").append(month.plusMonths(1).atDay(1)).append("T00:00:00Z\n")
                .append("archived_at=").append(at).append('\n');
        for (ArchivedFile f : files) {
            String key = f.file().replace(".copy.gz", "");
            m.append(key).append(".file=").append(f.file()).append('\n')
                    .append(key).append(".rows=").append(f.rows()).append('\n')
                    .append(key).append(".sha256=").append(f.fileSha256()).append('\n')
                    .append(key).append(".copy_sha256=").append(f.copySha256()).append('\n')
                    .append(key).append(".columns=").append(f.columns()).append('\n');
        }
        Path manifest = workDir.resolve("manifest.properties");
        Files.writeString(manifest, m, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        force(manifest);
        force(workDir);
        deleteTree(finalDir);
        Files.move(workDir, finalDir, StandardCopyOption.ATOMIC_MOVE);
        force(finalDir.getParent());
        sealed = true;
        return finalDir;
    }

    List<ArchivedFile> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        if (!sealed) {
            deleteTree(workDir);
        }
    }

    private static void force(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
