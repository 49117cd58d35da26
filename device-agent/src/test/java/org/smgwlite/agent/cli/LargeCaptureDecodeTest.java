package org.smgwlite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.testing.Captures;

/**
 * {@code device-agent decode} of a 30 MB capture under the launcher's {@code -Xmx32m}, in a child JVM: the
 * capture is streamed through the decoder, never held whole (it once was, and ran out of memory).
 */
class LargeCaptureDecodeTest {

    private static final long SIZE = 30L << 20;

    @Test
    void aThirtyMegabyteCaptureDecodesCompletelyInThirtyTwoMegabytesOfHeap(@TempDir Path dir) throws Exception {
        byte[] block = cleanCaptures();
        Captures.Decoded once = Captures.decode(block);
        assertThat(once.rejections).isEmpty();
        long repetitions = SIZE / block.length + 1;
        Path capture = dir.resolve("large.bin");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(capture), 1 << 16)) {
            for (long i = 0; i < repetitions; i++) {
                out.write(block);
            }
        }
        Path stdout = dir.resolve("out.csv");
        Path stderr = dir.resolve("err.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "decode", capture.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("decode finished within a minute").isTrue();

        assertThat(child.exitValue()).as(Files.readString(stderr)).isZero();
        assertThat(Files.size(stderr)).as(Files.readString(stderr)).isZero();
        // every telegram printed its readings, one line each: as many lines as the telegrams of every copy hold
        assertThat(lines(stdout)).isEqualTo(repetitions * once.csvLines().size());
        assertThat(firstLines(stdout, once.csvLines().size())).isEqualTo(String.join("\n", once.csvLines()) + "\n");
    }

    /** The captures that decode without a rejection, one after the other: a stream of whole frames. */
    private static byte[] cleanCaptures() throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (String name : Captures.ALL) {
            byte[] bytes = Captures.bytes(name);
            Captures.Decoded decoded = Captures.decode(bytes);
            if (decoded.rejections.isEmpty() && !decoded.telegrams.isEmpty()) {
                block.write(bytes);
            }
        }
        return block.toByteArray();
    }

    private static long lines(Path file) throws IOException {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static String firstLines(Path file, int count) throws IOException {
        StringBuilder text = new StringBuilder();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                text.append(reader.readLine()).append('\n');
            }
        }
        return text.toString();
    }
}
