package org.smgwlite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.testing.Captures;

class DecodeCommandTest {

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path capture(Path dir, String name) throws IOException {
        Path p = dir.resolve(name + ".bin");
        Files.write(p, Captures.bytes(name));
        return p;
    }

    @Test
    void printsEveryEntryInStreamOrderAndTheDistinctLinesAreTheExpectedFile(@TempDir Path dir) throws IOException {
        Run r = run("decode", "--format", "csv", capture(dir, "EMH_eHZ-HW8E2A5L0EK2P").toString());
        assertThat(r.status()).isZero();
        assertThat(r.lines().size()).isGreaterThan(Captures.expected("EMH_eHZ-HW8E2A5L0EK2P").size());
        assertThat(new LinkedHashSet<>(r.lines()))
                .containsExactlyElementsOf(Captures.expected("EMH_eHZ-HW8E2A5L0EK2P"));
        assertThat(r.err()).contains("rejected at offset 3792: frame cut off by the end of the stream");
    }

    @Test
    void damagedCaptureExitsOneWithEveryRejectionOnStderr(@TempDir Path dir) throws IOException {
        Run r = run("decode", capture(dir, "DZG_DVS-7420.2V.G2_mtr1_error").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(8).allMatch(l -> l.matches("rejected at offset \\d+: .+"));
    }

    @Test
    void d0FileIsRecognised(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("meter.hex");
        String text = "/ESY5Q3DA1004 V3.04\r\n\r\n1-0:1.8.0*255(00006571.9444148*kWh)\r\n!\r\n";
        Files.writeString(p, java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII)));
        Run r = run("decode", p.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo("1-0:1.8.0*255;6571944.4148;Wh");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run().status()).isEqualTo(Main.USAGE);
        assertThat(run("frobnicate").err()).contains("unknown command 'frobnicate'");
        assertThat(run("decode", "--format", "json", "x.bin").err()).contains("unsupported format 'json'");
        assertThat(run("decode").status()).isEqualTo(Main.USAGE);
        Run missing = run("decode", "/nonexistent/capture.bin");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("/nonexistent/capture.bin");
    }
}
