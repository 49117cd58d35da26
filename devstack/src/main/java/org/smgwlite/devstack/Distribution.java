package org.smgwlite.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A server distribution zip unpacked once into the run folder and reused afterwards.
 *
 * <p>Unpacking goes to a temporary folder that is renamed when complete and then marked, so an interrupted
 * unpack is redone rather than half used. Commons Compress (not {@code java.util.zip}) keeps the Unix
 * permissions, so {@code kc.sh} and {@code asadmin} stay executable.
 */
final class Distribution {

    static final String MARKER = ".devstack-unpacked";

    private Distribution() {
    }

    /**
     * @return the distribution's home, the zip's single top-level folder inside {@code parent}
     */
    static Path unpack(Path zip, Path parent) {
        try {
            String top = topLevelFolder(zip);
            Path home = parent.resolve(top);
            if (Files.isRegularFile(home.resolve(MARKER))) {
                return home;
            }
            deleteTree(home);
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, ".unpacking-");
            try {
                extract(zip, staging);
                Files.move(staging.resolve(top), home, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(staging);
            }
            Files.writeString(home.resolve(MARKER), zip.getFileName() + "\n");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + parent, e);
        }
    }

    private static String topLevelFolder(Path zip) throws IOException {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            ZipArchiveEntry first = file.getEntries().nextElement();
            String name = first.getName();
            int slash = name.indexOf('/');
            if (slash <= 0) {
                throw new IOException(zip + " has no single top-level folder (first entry " + name + ")");
            }
            return name.substring(0, slash);
        }
    }

    private static void extract(Path zip, Path target) throws IOException {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            Enumeration<ZipArchiveEntry> entries = file.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                int mode = entry.getUnixMode();
                if (mode != 0 && (mode & 0111) != 0) {
                    setExecutable(out);
                }
            }
        }
    }

    private static void setExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: no executable bit to keep.
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
