package org.smgwlite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify-eichlog} on files it cannot read: not a usage error, but "cannot verify" with the file and why. */
class VerifyEichlogCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int verify(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "verify-eichlog";
        System.arraycopy(args, 0, line, 1, args.length);
        return Main.run(line, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileCannotBeVerifiedAndTheMessageSaysWhichAndWhy(@TempDir Path dir) {
        Path missing = dir.resolve("eichlog.log");
        assertThat(verify(missing.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("verify-eichlog: cannot read " + missing + ": no such file" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aDirectoryCannotBeVerified(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("eichlog.log"));
        assertThat(verify(folder.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("verify-eichlog: cannot read " + folder + ": ");
    }

    @Test
    void aWrongCommandLineIsStillAUsageError() {
        assertThat(verify()).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("verify-eichlog takes one FILE, got none",
                "usage: device-agent verify-eichlog FILE");
        assertThat(verify("--fast", "x")).isEqualTo(Main.USAGE);
        assertThat(verify("a", "b")).isEqualTo(Main.USAGE);
    }
}
