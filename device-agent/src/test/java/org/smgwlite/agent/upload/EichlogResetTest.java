package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.eichlog.Eichlog;
import org.smgwlite.agent.eichlog.EichlogEntry;
import org.smgwlite.agent.eichlog.EichlogVerifier;
import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.metering.contract.EichlogLink;

/**
 * A journal lost or broken after the platform stored entries of it: the agent starts a new chain at entry 1 and closes
 * the platform's chain with an {@code EICHLOG_RESET} entry chained to the head the platform names, which the next
 * upload carries before anything of the new chain.
 */
class EichlogResetTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    /** The platform's newest stored entry of the old chain. */
    private static final EichlogHead HEAD = new EichlogHead(5, "ab".repeat(32), "UPLOAD");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private Path journal() {
        return dir.resolve("eichlog.log");
    }

    private Path credentials() {
        return dir.resolve("credentials");
    }

    private EichlogCursor cursor() {
        return new EichlogCursor(journal(), credentials().resolve(EichlogCursor.FILE));
    }

    /** The platform acknowledged entries up to {@code n} of the journal. */
    private void acknowledgedUpTo(long n) throws IOException {
        Files.createDirectories(credentials());
        Files.writeString(credentials().resolve(EichlogCursor.FILE), n + "\n");
    }

    /** Opens the journal as the agent does at start; returns the detail of the entry that opens a new chain. */
    private Optional<String> start(Path credentialDir) throws IOException {
        try (Eichlog log = Eichlog.open(journal(), CLOCK)) {
            Optional<String> why = EichlogRestart.afterOpen(log, credentialDir, err);
            why.ifPresent(detail -> append(log, EventType.EICHLOG_REPAIR, detail));
            append(log, EventType.START, "device-agent");
            return why;
        }
    }

    private static void append(Eichlog log, EventType type, String detail) {
        try {
            log.append(type, detail);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLostJournalClosesThePlatformsChainAtTheGivenHeadAndANewJournalStartsAtEntry1() throws Exception {
        acknowledgedUpTo(5);

        Optional<String> why = start(credentials());

        assertThat(why).get().asString().contains("eichlog.log missing or empty").contains("new chain begins at entry 1");
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).startsWith("device-agent: EICHLOG RESET: ");
        EichlogVerifier.Result fresh = EichlogVerifier.verify(journal());
        assertThat(fresh.ok()).isTrue();
        assertThat(fresh.entries()).extracting(EichlogEntry::n).containsExactly(1L, 2L);
        assertThat(fresh.entries().get(0).type()).isEqualTo("EICHLOG_REPAIR");

        EichlogCursor cursor = cursor();
        EichlogReset reset = new EichlogReset(credentials(), cursor, CLOCK);
        assertThat(reset.awaitsHead()).isTrue();
        assertThatThrownBy(() -> reset.read(10)).as("nothing, not even the new chain, before the platform named its head")
                .isInstanceOf(IOException.class).hasMessageContaining("no closing entry yet");

        EichlogLink closing = reset.chainTo(Optional.of(HEAD)).orElseThrow();

        assertThat(closing.n()).isEqualTo(6);
        assertThat(closing.prevHash()).isEqualTo(HEAD.hash());
        assertThat(closing.type()).isEqualTo(EichlogLink.RESET);
        assertThat(closing.detail()).contains("eichlog.log missing or empty");
        assertThat(closing.follows(6, HEAD.hash())).isEmpty();
        assertThat(new EichlogReset(credentials(), cursor, CLOCK).read(10)).as("kept: every retry sends the same line")
                .containsExactly(closing.line());
        assertThat(reset.awaitsHead()).isFalse();

        reset.acknowledge(closing.line());

        assertThat(reset.pending()).isFalse();
        assertThat(cursor.read(10)).as("the new chain goes from its entry 1 once the old one is closed")
                .extracting(line -> EichlogLink.parse(line).n()).containsExactly(1L, 2L);
    }

    @Test
    void aBrokenJournalIsKeptAsideAndTheResetNamesTheBreak() throws Exception {
        try (Eichlog log = Eichlog.open(journal(), CLOCK)) {
            log.append(EventType.START, "device-agent");
            log.append(EventType.METER_SILENT, "no telegram for 30 s");
            log.append(EventType.METER_BACK, "telegrams again");
        }
        acknowledgedUpTo(3);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal(), StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("30 s", "3 s"));
        Files.write(journal(), lines, StandardCharsets.UTF_8);

        Optional<String> why = start(credentials());

        assertThat(why).get().asString().contains("broken at entry 2").contains("entry 2 was changed");
        try (Stream<Path> files = Files.list(dir)) {
            Path kept = files.filter(f -> f.getFileName().toString().startsWith("eichlog.log.broken-")).findFirst().orElseThrow();
            assertThat(Files.readAllLines(kept, StandardCharsets.UTF_8)).as("the altered journal is evidence, kept as it was")
                    .isEqualTo(lines);
        }
        EichlogVerifier.Result fresh = EichlogVerifier.verify(journal());
        assertThat(fresh.ok()).isTrue();
        assertThat(fresh.entries()).extracting(EichlogEntry::n).containsExactly(1L, 2L);
        EichlogCursor cursor = cursor();
        EichlogLink closing = new EichlogReset(credentials(), cursor, CLOCK).chainTo(Optional.of(HEAD)).orElseThrow();
        assertThat(closing.n()).isEqualTo(HEAD.n() + 1);
        assertThat(closing.prevHash()).isEqualTo(HEAD.hash());
        assertThat(closing.detail()).contains("broken at entry 2").contains("entry 2 was changed");
        assertThat(cursor.read(10)).as("no line of the new chain before the closing entry is acknowledged").isEmpty();
    }

    @Test
    void aFirstEverStartRecordsNoReset() throws Exception {
        Optional<String> why = start(credentials());

        assertThat(why).isEmpty();
        assertThat(credentials().resolve(EichlogReset.FILE)).doesNotExist();
        assertThat(errBytes.size()).isZero();
        assertThat(EichlogVerifier.verify(journal()).entries()).extracting(EichlogEntry::type).containsExactly("START");
    }

    @Test
    void aContinuedJournalRecordsNoReset() throws Exception {
        start(credentials());
        acknowledgedUpTo(1);

        assertThat(start(credentials())).isEmpty();
        assertThat(credentials().resolve(EichlogReset.FILE)).doesNotExist();
    }

    @Test
    void aBrokenJournalOfAGatewayThatNeverUploadedStartsOverWithoutAReset() throws Exception {
        start(null);
        Files.writeString(journal(), "garbage\n", StandardOpenOption.APPEND);

        Optional<String> why = start(null);

        assertThat(why).get().asString().contains("broken at entry 2").contains("the platform holds none of the old one");
        assertThat(credentials()).doesNotExist();
    }

    @Test
    void whenThePlatformHoldsNothingThereIsNothingToCloseAndTheNewChainGoesFromEntry1() throws Exception {
        acknowledgedUpTo(7);
        start(credentials());
        EichlogCursor cursor = cursor();
        EichlogReset reset = new EichlogReset(credentials(), cursor, CLOCK);

        assertThat(reset.chainTo(Optional.empty())).isEmpty();

        assertThat(reset.pending()).isFalse();
        assertThat(reset.read(10)).isEmpty();
        assertThat(cursor.read(10)).hasSize(2);
    }

    @Test
    void aSecondLossBeforeTheResetWentOutKeepsThePendingReset() throws Exception {
        acknowledgedUpTo(5);
        start(credentials());
        EichlogLink closing = new EichlogReset(credentials(), cursor(), CLOCK).chainTo(Optional.of(HEAD)).orElseThrow();
        Files.delete(journal());

        Optional<String> why = start(credentials());

        assertThat(why).get().asString().contains("still pending");
        assertThat(new EichlogReset(credentials(), cursor(), CLOCK).read(10)).containsExactly(closing.line());
    }
}
