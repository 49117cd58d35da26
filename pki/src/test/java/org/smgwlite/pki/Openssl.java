package org.smgwlite.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code openssl} command for interop tests: runs it with empty input and returns exit code and output. */
public final class Openssl {

    public record Result(int exitCode, String output) {
    }

    private Openssl() {
    }

    /** "OpenSSL 3.0.19 27 Jan 2026 (…)", or empty when there is no {@code openssl} to run. */
    public static String version() {
        try {
            Result result = start("openssl", "version");
            return result.exitCode() == 0 ? result.output().trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Runs the command (stdin closed at once, stderr merged) and waits for it, at most 30 s. */
    public static Result start(String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command[0], e);
        }
        return new Result(process.exitValue(), output);
    }
}
