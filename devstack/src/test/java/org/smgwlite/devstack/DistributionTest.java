package org.smgwlite.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionTest {

    @TempDir
    Path tmp;

    @Test
    void unpacksIntoTheTopFolderAndKeepsExecutableScripts() throws IOException {
        Path zip = zip("server-1.0/bin/start.sh", 0755, "server-1.0/conf/server.conf", 0644);

        Path home = Distribution.unpack(zip, tmp.resolve("run"));

        assertThat(home).isEqualTo(tmp.resolve("run/server-1.0"));
        assertThat(Files.isExecutable(home.resolve("bin/start.sh"))).isTrue();
        assertThat(Files.isExecutable(home.resolve("conf/server.conf"))).isFalse();
        assertThat(Files.readString(home.resolve("conf/server.conf"))).isEqualTo("server-1.0/conf/server.conf");
    }

    @Test
    void secondUnpackKeepsWhatTheServerWroteSinceTheFirst() throws IOException {
        Path zip = zip("server-1.0/conf/server.conf", 0644);
        Path home = Distribution.unpack(zip, tmp);
        Files.writeString(home.resolve("conf/server.conf"), "changed by the server");

        Distribution.unpack(zip, tmp);

        assertThat(Files.readString(home.resolve("conf/server.conf"))).isEqualTo("changed by the server");
    }

    @Test
    void interruptedUnpackWithoutMarkerIsRedone() throws IOException {
        Path zip = zip("server-1.0/conf/server.conf", 0644);
        Path home = Distribution.unpack(zip, tmp);
        Files.delete(home.resolve(Distribution.MARKER));
        Files.delete(home.resolve("conf/server.conf"));

        Distribution.unpack(zip, tmp);

        assertThat(home.resolve("conf/server.conf")).exists();
    }

    @Test
    void entryEscapingTheFolderIsRefused() throws IOException {
        Path zip = zip("server-1.0/ok.txt", 0644, "server-1.0/../../evil.txt", 0644);

        assertThatThrownBy(() -> Distribution.unpack(zip, tmp.resolve("run")))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("zip entry escapes the target folder: server-1.0/../../evil.txt");
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
    }

    /** A zip of (name, unix mode) pairs; each file's content is its name. */
    private Path zip(Object... namesAndModes) throws IOException {
        Path zip = tmp.resolve("dist-" + System.nanoTime() + ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (int i = 0; i < namesAndModes.length; i += 2) {
                String name = (String) namesAndModes[i];
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                entry.setUnixMode((Integer) namesAndModes[i + 1]);
                out.putArchiveEntry(entry);
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return zip;
    }
}
