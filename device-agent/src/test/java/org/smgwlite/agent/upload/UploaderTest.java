package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.ValueStatus;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.ExactValue;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.metering.contract.BatchFormat;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.ReadingBatch;
import org.smgwlite.metering.contract.SignedBatches;

class UploaderTest {

    private static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    private static final String GW = "EDEF0000000099";
    private static final String IMPORT = "1-0:1.8.0*255";
    private static final String EXPORT = "1-0:2.8.0*255";
    private static final TestSigner SIGNER = TestSigner.forGateway(GW);
    private static final KeyPair KEYS = SIGNER.keys();
    private static final X509Certificate CERT = SIGNER.certificate();
    /** Waits without their random part, so that a test can name them. */
    static final RandomGenerator NO_JITTER = () -> 0L;

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<byte[]> posted = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    /** A transport that plays back the given outcomes: an Integer status, or an IOException. */
    private BatchTransport scripted(Object... outcomes) {
        Deque<Object> script = new ArrayDeque<>(List.of(outcomes));
        return body -> {
            posted.add(body);
            Object next = script.removeFirst();
            if (next instanceof IOException e) {
                throw e;
            }
            if (next instanceof BatchTransport.Answer answer) {
                return answer;
            }
            return new BatchTransport.Answer((Integer) next, "{\"accepted\":96}");
        };
    }

    /**
     * The platform's contract in miniature: verifies the signature, stores each value once (by register and slot),
     * answers a body it has seen before with 200 again, and can lose its answer after storing (the connection breaks).
     */
    private final class FakePlatform implements BatchTransport {
        final Map<String, BatchValue> stored = new HashMap<>();
        final Set<String> bodies = new HashSet<>();
        final List<String> eichlog = new ArrayList<>();
        final Set<Integer> loseAnswerOnPost = new HashSet<>();
        int duplicates;

        @Override
        public Answer post(byte[] body) throws IOException {
            posted.add(body);
            ReadingBatch batch = SignedBatches.open(body, List.of(CERT)).batch();
            if (bodies.add(java.util.HexFormat.of().formatHex(body))) {
                for (BatchValue v : batch.values()) {
                    if (stored.putIfAbsent(v.obis() + "@" + v.slotStart(), v) != null) {
                        duplicates++;
                    }
                }
                eichlog.addAll(batch.eichlog());
            }
            if (loseAnswerOnPost.remove(posted.size())) {
                throw new IOException("connection reset after the platform committed");
            }
            return new Answer(200, "{\"accepted\":" + batch.values().size() + "}");
        }
    }

    /** An Eichlog of {@code n} numbered lines in memory, with its cursor. */
    private static final class Lines implements PendingEichlog {
        final List<String> lines = new ArrayList<>();
        int acknowledged;

        Lines(int n) {
            for (int i = 1; i <= n; i++) {
                lines.add(i + "\t2026-11-24T00:00:00Z\tSTART\tentry " + i);
            }
        }

        @Override
        public List<String> read(int max) {
            return List.copyOf(lines.subList(acknowledged, Math.min(lines.size(), acknowledged + max)));
        }

        @Override
        public void acknowledge(String lastLine) {
            acknowledged = lines.indexOf(lastLine) + 1;
        }
    }

    private ValueStore store() throws IOException {
        return ValueStore.open(dir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { });
    }

    /** {@code slots} quarter hours of import and export registers from {@link #DAY} on: 2 values per slot. */
    static void fill(ValueStore store, int fromSlot, int slots) throws IOException {
        List<TafValue> values = new ArrayList<>();
        for (int slot = fromSlot; slot < fromSlot + slots; slot++) {
            Instant at = DAY.plusSeconds(900L * slot);
            values.add(new TafValue(0, TafKind.TAF7, "0a01455359", at, ObisCode.parse(IMPORT),
                    new ExactValue(1_000_000L + slot, -1, DlmsUnit.WATT_HOUR), at.plusSeconds(1), ValueStatus.OK, null));
            values.add(new TafValue(0, TafKind.TAF7, "0a01455359", at, ObisCode.parse(EXPORT),
                    new ExactValue(5_000L + slot, -1, DlmsUnit.WATT_HOUR), at.plusSeconds(1), ValueStatus.OK, null));
        }
        store.appendBilling(values);
    }

    private Uploader uploader(ValueStore store, BatchTransport transport, Uploader.Pacing pacing) {
        return uploader(PendingValues.of(store), transport, pacing);
    }

    private Uploader uploader(PendingValues store, BatchTransport transport, Uploader.Pacing pacing) {
        return new Uploader(store, transport, GW, 42, KEYS.getPrivate(), CERT, pacing, sleeps::add,
                Clock.fixed(DAY.plus(Duration.ofDays(600)), ZoneOffset.UTC), events::add, NO_JITTER);
    }

    private static Uploader.Pacing batchesOf(int values) {
        return new Uploader.Pacing(values, Duration.ofSeconds(1), Duration.ofSeconds(5), 4);
    }

    private static List<BatchValue> valuesOf(byte[] signed) {
        return SignedBatches.open(signed, List.of(CERT)).batch().values();
    }

    @Test
    void a_backlog_of_three_and_a_half_full_batches_goes_as_four_batches_in_order_each_acknowledged_after_its_answer()
            throws Exception {
        FakePlatform platform = new FakePlatform();
        List<Long> acknowledgedAtPost = new ArrayList<>();
        try (ValueStore store = store()) {
            int total = BatchFormat.MAX_VALUES * 7 / 2;
            fill(store, 0, total / 2);
            PendingValues watched = new PendingValues() {
                @Override
                public List<TafValue> readUnacknowledged(int max) throws IOException {
                    return store.readUnacknowledged(max);
                }

                @Override
                public void acknowledge(long upToSeq) throws IOException {
                    acknowledgedAtPost.add((long) posted.size());
                    store.acknowledge(upToSeq);
                }
            };
            Lines eichlog = new Lines(3);

            Uploader.Run run = uploader(watched, platform, Uploader.Pacing.DAILY).uploadBacklog(eichlog);

            assertThat(run.complete()).isTrue();
            assertThat(run.batches()).extracting(Uploader.Result::sent)
                    .containsExactly(BatchFormat.MAX_VALUES, BatchFormat.MAX_VALUES, BatchFormat.MAX_VALUES, BatchFormat.MAX_VALUES / 2);
            assertThat(run.sent()).isEqualTo(total);
            assertThat(posted).hasSize(4);
            assertThat(acknowledgedAtPost).as("each batch acknowledged after its own answer, before the next is sent")
                    .containsExactly(1L, 2L, 3L, 4L);
            Instant previous = Instant.MIN;
            for (byte[] body : posted) {
                List<BatchValue> values = valuesOf(body);
                assertThat(values.get(0).slotStart()).as("batches go oldest first").isAfter(previous);
                previous = values.get(values.size() - 1).slotStart();
            }
            assertThat(platform.stored).hasSize(total);
            assertThat(platform.duplicates).isZero();
            assertThat(store.readUnacknowledged(10)).isEmpty();
            assertThat(platform.eichlog).as("the Eichlog goes once, with the first batch").isEqualTo(eichlog.lines);
            assertThat(SignedBatches.open(posted.get(1), List.of(CERT)).batch().eichlog()).isEmpty();
            assertThat(events).filteredOn(e -> e.startsWith(Uploader.ACKNOWLEDGED)).hasSize(4);
        }
    }

    @Test
    void a_lost_acknowledgement_sends_the_same_bytes_again_and_the_platform_stores_nothing_twice() throws Exception {
        FakePlatform platform = new FakePlatform();
        platform.loseAnswerOnPost.add(2);
        try (ValueStore store = store()) {
            fill(store, 0, 96 * 2);

            Uploader.Run run = uploader(store, platform, batchesOf(96)).uploadBacklog(PendingEichlog.NONE);

            assertThat(run.complete()).isTrue();
            assertThat(run.batches()).extracting(Uploader.Result::attempts).containsExactly(1, 2, 1, 1);
            assertThat(posted).hasSize(5);
            assertThat(posted.get(2)).as("the retry re-sends the signed bytes of the unanswered batch").isEqualTo(posted.get(1));
            assertThat(platform.bodies).hasSize(4);
            assertThat(platform.stored).hasSize(96 * 2 * 2);
            assertThat(platform.duplicates).isZero();
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
            assertThat(store.readUnacknowledged(10)).isEmpty();
        }
    }

    @Test
    void a_refused_batch_keeps_its_values_ends_the_run_without_retrying_and_the_next_day_sends_the_rest() throws Exception {
        try (ValueStore store = store()) {
            fill(store, 0, 96 * 2);
            Uploader.Run refused = uploader(store, scripted(200, 400), batchesOf(96)).uploadBacklog(PendingEichlog.NONE);

            assertThat(refused.complete()).isFalse();
            assertThat(refused.failed().outcome()).isEqualTo(Uploader.Outcome.REFUSED);
            assertThat(posted).as("a refusal is not retried and the run does not go on").hasSize(2);
            assertThat(sleeps).isEmpty();
            assertThat(store.readUnacknowledged(1000)).as("nothing of the refused batch is dropped").hasSize(96 * 3);
            assertThat(events).filteredOn(e -> e.startsWith(Uploader.REFUSED)).singleElement().asString()
                    .contains("400").contains("96 values (seq 97..192)").contains("kept in the store");

            posted.clear();
            FakePlatform platform = new FakePlatform();
            Uploader.Run nextDay = uploader(store, platform, batchesOf(96)).uploadBacklog(PendingEichlog.NONE);
            assertThat(nextDay.complete()).isTrue();
            assertThat(posted).hasSize(3);
            assertThat(valuesOf(posted.get(0)).get(0).slotStart()).as("starts with the refused batch").isEqualTo(DAY.plusSeconds(900L * 48));
            assertThat(store.readUnacknowledged(10)).isEmpty();
        }
    }

    @Test
    void an_unanswered_batch_is_retried_with_capped_doubling_backoff_then_waits_for_the_next_day() throws Exception {
        try (ValueStore store = store()) {
            fill(store, 0, 96);
            Uploader.Run down = uploader(store, scripted(503, new IOException("no route"), 404, 502), batchesOf(50))
                    .uploadBacklog(PendingEichlog.NONE);

            assertThat(down.complete()).isFalse();
            assertThat(down.failed().outcome()).isEqualTo(Uploader.Outcome.UNANSWERED);
            assertThat(down.failed().attempts()).isEqualTo(4);
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(posted).hasSize(4).allSatisfy(b -> assertThat(b).isEqualTo(posted.get(0)));
            assertThat(store.readUnacknowledged(1000)).hasSize(192);
            assertThat(events).last().asString().startsWith(Uploader.UNANSWERED);
        }
    }

    @Test
    void a_platform_whose_database_is_down_is_waited_for_as_long_as_its_retry_after_says_then_the_same_bytes_land_once()
            throws Exception {
        try (ValueStore store = store()) {
            fill(store, 0, 48);
            BatchTransport.Answer busy = new BatchTransport.Answer(503,
                    "{\"status\":503,\"fields\":{\"reason\":\"DATABASE_UNAVAILABLE\"}}", Optional.of(Duration.ofSeconds(3)));
            Uploader.Run run = uploader(store, scripted(busy, busy, busy, busy, 200),
                    new Uploader.Pacing(1_000, Duration.ofSeconds(1), Duration.ofSeconds(60), 6)).uploadBacklog(PendingEichlog.NONE);

            assertThat(run.complete()).isTrue();
            assertThat(run.batches()).singleElement().satisfies(b -> assertThat(b.attempts()).isEqualTo(5));
            assertThat(sleeps).as("at least the platform's 3 s; the doubling takes over once it is longer")
                    .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(posted).hasSize(5).allSatisfy(b -> assertThat(b).isEqualTo(posted.get(0)));
            assertThat(store.readUnacknowledged(1000)).isEmpty();
        }
    }

    @Test
    void a_retry_after_longer_than_the_longest_wait_is_cut_to_it() throws Exception {
        try (ValueStore store = store()) {
            fill(store, 0, 4);
            BatchTransport.Answer busy = new BatchTransport.Answer(503, "{}", Optional.of(Duration.ofDays(2)));
            uploader(store, scripted(busy, 200), batchesOf(50)).uploadBacklog(PendingEichlog.NONE);

            assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
        }
    }

    @Test
    void jitter_only_lengthens_a_wait_by_up_to_a_fifth() {
        RandomGenerator highest = () -> -1L; // nextDouble() just below 1
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), highest);
        Duration first = backoff.next(Optional.empty());
        Duration second = backoff.next(Optional.of(Duration.ofSeconds(30)));
        assertThat(first).isBetween(Duration.ofMillis(11_990), Duration.ofSeconds(12));
        assertThat(second).isBetween(Duration.ofMillis(35_990), Duration.ofSeconds(36));
        Backoff none = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), NO_JITTER);
        assertThat(none.next(Optional.empty())).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retry_after_is_read_as_seconds_or_as_an_http_date() {
        Instant now = Instant.parse("2026-11-30T21:00:00Z");
        assertThat(PlatformBusyException.parseRetryAfter(Optional.of("30"), now)).contains(Duration.ofSeconds(30));
        assertThat(PlatformBusyException.parseRetryAfter(Optional.of("Mon, 30 Nov 2026 21:01:30 GMT"), now))
                .contains(Duration.ofSeconds(90));
        assertThat(PlatformBusyException.parseRetryAfter(Optional.of("Mon, 30 Nov 2026 20:59:00 GMT"), now)).isEmpty();
        assertThat(PlatformBusyException.parseRetryAfter(Optional.of("soon"), now)).isEmpty();
        assertThat(PlatformBusyException.parseRetryAfter(Optional.of("-5"), now)).isEmpty();
        assertThat(PlatformBusyException.parseRetryAfter(Optional.empty(), now)).isEmpty();
    }

    /** The closing entry of a reset: one line until the platform acknowledged it. */
    private static final class Closing implements PendingEichlog {
        final String line = "6\t2026-11-24T00:00:00Z\tEICHLOG_RESET\tEichlog file missing";
        boolean acknowledged;

        @Override
        public List<String> read(int max) {
            return acknowledged ? List.of() : List.of(line);
        }

        @Override
        public void acknowledge(String lastLine) {
            acknowledged = true;
        }
    }

    @Test
    void a_closing_reset_entry_goes_alone_first_and_the_new_chain_with_the_values_follows_in_the_same_run() throws Exception {
        FakePlatform platform = new FakePlatform();
        try (ValueStore store = store()) {
            fill(store, 0, 4);
            Closing closing = new Closing();
            Lines newChain = new Lines(2);

            Uploader.Run run = uploader(store, platform, batchesOf(96)).uploadBacklog(closing, newChain);

            assertThat(run.complete()).isTrue();
            assertThat(posted).hasSize(2);
            ReadingBatch first = SignedBatches.open(posted.get(0), List.of(CERT)).batch();
            assertThat(first.values()).isEmpty();
            assertThat(first.eichlog()).containsExactly(closing.line);
            ReadingBatch second = SignedBatches.open(posted.get(1), List.of(CERT)).batch();
            assertThat(second.eichlog()).isEqualTo(newChain.lines);
            assertThat(second.values()).hasSize(8);
            assertThat(closing.acknowledged).isTrue();
            assertThat(store.readUnacknowledged(10)).isEmpty();
        }
    }

    @Test
    void an_unanswered_closing_entry_ends_the_run_before_anything_of_the_new_chain_or_a_value_leaves() throws Exception {
        try (ValueStore store = store()) {
            fill(store, 0, 4);
            Closing closing = new Closing();
            Lines newChain = new Lines(2);

            Uploader.Run down = uploader(store, scripted(503, 503, 503, 503), batchesOf(96)).uploadBacklog(closing, newChain);

            assertThat(down.complete()).isFalse();
            assertThat(posted).hasSize(4).allSatisfy(b -> assertThat(SignedBatches.open(b, List.of(CERT)).batch().eichlog())
                    .containsExactly(closing.line));
            assertThat(closing.acknowledged).isFalse();
            assertThat(newChain.acknowledged).isZero();
            assertThat(store.readUnacknowledged(10)).as("the readings stay for the next run").hasSize(8);
        }
    }

    @Test
    void values_stored_while_the_run_is_under_way_wait_for_the_next_day() throws Exception {
        try (ValueStore store = store()) {
            fill(store, 0, 96 + 24);
            FakePlatform platform = new FakePlatform();
            int[] slot = {96 + 24};
            BatchTransport meterKeepsRunning = body -> {
                fill(store, slot[0]++, 1);
                return platform.post(body);
            };

            Uploader.Run run = uploader(store, meterKeepsRunning, batchesOf(96)).uploadBacklog(PendingEichlog.NONE);

            assertThat(run.complete()).isTrue();
            assertThat(run.batches()).extracting(Uploader.Result::sent).containsExactly(96, 96, 52);
            assertThat(store.readUnacknowledged(10)).as("the value stored during the last batch").hasSize(2);
        }
    }

    @Test
    void only_a_lasting_4xx_is_a_refusal() {
        assertThat(List.of(400, 401, 403, 409, 413, 415, 422)).allMatch(Uploader::isRefusal);
        assertThat(List.of(200, 302, 404, 408, 425, 429, 500, 502, 503)).noneMatch(Uploader::isRefusal);
    }

    @Test
    void the_spread_delay_is_stable_per_gateway_inside_the_window_and_spreads_a_fleet() {
        Duration min = Duration.ofMinutes(5);
        Duration window = Duration.ofHours(4);
        Set<Long> quarterHours = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            SpreadDelay d = new SpreadDelay("EDEF" + (1_000_000_000L + i), min, window);
            assertThat(d.offset()).isEqualTo(new SpreadDelay("EDEF" + (1_000_000_000L + i), min, window).offset());
            assertThat(d.offset()).isBetween(min, min.plus(window));
            quarterHours.add(d.offset().toMinutes() / 15);
        }
        assertThat(quarterHours).as("200 gateways over 16 quarter hours").hasSizeGreaterThan(12);
        SpreadDelay d = new SpreadDelay(GW, min, window);
        Instant midnight = DAY;
        assertThat(d.nextAfter(midnight)).isEqualTo(midnight.plus(d.offset()));
        assertThat(d.nextAfter(midnight.plus(d.offset()))).isEqualTo(midnight.plus(Duration.ofDays(1)).plus(d.offset()));
    }
}
