package org.smgwlite.agent.eichlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EichlogTest {

    @TempDir
    Path dir;

    final Clock clock = Clock.fixed(Instant.parse("2024-03-05T10:00:00Z"), ZoneOffset.UTC);

    Path writeFive() throws IOException {
        Path file = dir.resolve("eichlog.txt");
        try (Eichlog log = Eichlog.open(file, clock)) {
            log.append(EventType.START, "agent 0.1 config agent.properties");
            log.append(EventType.METER_SILENT, "no telegram for 30 s");
            log.append(EventType.METER_BACK, "telegrams again\tafter 42 s\nline two \\ backslash");
            log.append(EventType.CRC_ERRORS, "3 frames rejected in slot 10:15");
            log.append(EventType.TAF6, "reason=Zählerwechsel");
        }
        return file;
    }

    @Test
    void anIntactLogVerifiesAndKeepsDetailsExact() throws IOException {
        Path file = writeFive();
        EichlogVerifier.Result r = EichlogVerifier.verify(file);
        assertThat(r.ok()).isTrue();
        assertThat(r.entries()).hasSize(5);
        assertThat(r.entries().get(2).detail()).isEqualTo("telegrams again\tafter 42 s\nline two \\ backslash");
        assertThat(r.entries().get(4).detail()).isEqualTo("reason=Zählerwechsel");
        assertThat(Files.readAllLines(file)).hasSize(5);
    }

    @Test
    void anEditedEntryIsFoundByItsLine() throws IOException {
        Path file = writeFive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("30 s", "3 s"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        EichlogVerifier.Result r = EichlogVerifier.verify(file);
        assertThat(r.ok()).isFalse();
        assertThat(r.brokenLine()).isEqualTo(2);
        assertThat(r.message()).contains("entry 2 was changed");
    }

    @Test
    void anEditWithARecomputedHashBreaksTheNextEntrysChain() throws IOException {
        Path file = writeFive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        EichlogEntry e = EichlogEntry.parse(lines.get(1));
        lines.set(1, EichlogEntry.create(e.n(), e.time(), e.type(), "no telegram for 3 s", e.prevHash()).toLine());
        Files.write(file, lines, StandardCharsets.UTF_8);
        EichlogVerifier.Result r = EichlogVerifier.verify(file);
        assertThat(r.brokenLine()).isEqualTo(3);
        assertThat(r.message()).contains("does not chain");
    }

    @Test
    void aRemovedEntryIsFound() throws IOException {
        Path file = writeFive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.remove(2);
        Files.write(file, lines, StandardCharsets.UTF_8);
        EichlogVerifier.Result r = EichlogVerifier.verify(file);
        assertThat(r.brokenLine()).isEqualTo(3);
        assertThat(r.message()).contains("removed");
    }

    @Test
    void aTornLastLineIsCutOffAtReopenAndTheCutIsLoggedInTheChain() throws IOException {
        Path file = writeFive();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        EichlogVerifier.Result before = EichlogVerifier.verify(file);
        assertThat(before.ok()).isTrue();
        assertThat(before.tornTail()).isTrue();
        assertThat(before.entries()).hasSize(4);
        try (Eichlog log = Eichlog.open(file, clock)) {
            assertThat(log.tail(10)).hasSize(5).last().extracting(EichlogEntry::type).isEqualTo("EICHLOG_REPAIR");
            log.append(EventType.STOP, "");
        }
        EichlogVerifier.Result after = EichlogVerifier.verify(file);
        assertThat(after.ok()).isTrue();
        assertThat(after.tornTail()).isFalse();
        assertThat(after.entries()).extracting(EichlogEntry::type).endsWith("EICHLOG_REPAIR", "STOP");
    }
}
