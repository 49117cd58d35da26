package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.agent.taf.ExactValue;
import org.smgwlite.agent.taf.Snapshot;
import org.smgwlite.agent.taf.Taf6Request;
import org.smgwlite.agent.taf.TafValue;
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.SignedBatches;
import org.smgwlite.metering.contract.Taf6Order;

/**
 * The TAF 6 poller against a scripted device port: a request becomes a journaled reading and a signed answer that
 * names the request, acknowledged only after the platform's 200; failures pause with a doubling backoff.
 */
class Taf6PollerTest {

    private static final String GW = "EDEF0000000077";
    private static final TestSigner SIGNER = TestSigner.forGateway(GW);
    private static final Instant NOW = Instant.parse("2026-11-25T10:07:31Z");
    private static final Taf6Order ORDER = new Taf6Order(917, NOW.minusSeconds(3), "Zählerwechsel");

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<byte[]> posted = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    /** A device port that plays back poll outcomes: a list of orders, or an IOException. */
    private Taf6Channel channel(Object... polls) {
        Deque<Object> script = new ArrayDeque<>(List.of(polls));
        return new Taf6Channel() {
            @Override
            @SuppressWarnings("unchecked")
            public List<Taf6Order> poll(Duration wait) throws IOException {
                waits.add(wait);
                Object next = script.isEmpty() ? List.of() : script.removeFirst();
                if (next instanceof IOException e) {
                    throw e;
                }
                return (List<Taf6Order>) next;
            }

            @Override
            public void failed(long id, String reason) {
                failures.add(id + ": " + reason);
            }
        };
    }

    /** The batch endpoint: plays back HTTP statuses. */
    private BatchTransport batches(Integer... statuses) {
        Deque<Integer> script = new ArrayDeque<>(List.of(statuses));
        return body -> {
            posted.add(body);
            return new BatchTransport.Answer(script.removeFirst(), "{\"accepted\":2}");
        };
    }

    private static Snapshot meter() {
        return new Snapshot(NOW.minusSeconds(1), "0a01455359", List.of(
                new Snapshot.Register(ObisCode.parse("1-0:1.8.0*255"), new ExactValue(10_240_000, -1, DlmsUnit.WATT_HOUR), null),
                new Snapshot.Register(ObisCode.parse("1-0:2.8.0*255"), new ExactValue(60_000, -1, DlmsUnit.WATT_HOUR), null)),
                null, 0);
    }

    private Taf6Poller poller(ValueStore store, Taf6Channel channel, BatchTransport transport, Snapshot latest) {
        Uploader uploader = new Uploader(PendingValues.of(store), transport, GW, 42, SIGNER.keys().getPrivate(), SIGNER.certificate(),
                new Uploader.Pacing(1_000, Duration.ofSeconds(10), Duration.ofSeconds(10), 1), sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC), e -> { },
                UploaderTest.NO_JITTER);
        Taf6Poller.Reading reading = order -> {
            List<TafValue> values = new Taf6Request(order.reason(), NOW, order.id()).take(latest);
            try {
                return store.appendBilling(values);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        return new Taf6Poller(channel, reading, () -> uploader.uploadBacklog(PendingEichlog.NONE).outcome(), sleeps::add, () -> 0L, e -> { },
                UploaderTest.NO_JITTER);
    }

    private ValueStore store() throws IOException {
        return ValueStore.open(dir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { });
    }

    @Test
    void a_request_is_read_journaled_and_answered_with_its_id_and_acknowledged_after_the_200() throws Exception {
        try (ValueStore store = store()) {
            Taf6Poller poller = poller(store, channel(List.of(ORDER), List.of(ORDER)), batches(200), meter());

            poller.step();

            assertThat(waits).containsExactly(Taf6Poller.WAIT);
            assertThat(posted).hasSize(1);
            List<BatchValue> sent = SignedBatches.open(posted.get(0), List.of(SIGNER.certificate())).batch().values();
            assertThat(sent).containsExactly(
                    new BatchValue(42, 6, NOW, "1-0:1.8.0*255", BigInteger.valueOf(10_240_000), -1, "Wh", 0, 0, 917L),
                    new BatchValue(42, 6, NOW, "1-0:2.8.0*255", BigInteger.valueOf(60_000), -1, "Wh", 0, 0, 917L));
            assertThat(store.readUnacknowledged(100)).isEmpty();

            // the platform hands the request out again before it has processed the answer: not read twice, and
            // a poll with nothing new that came back at once is followed by a pause
            poller.step();
            assertThat(store.lastSeq()).isEqualTo(2);
            assertThat(posted).hasSize(1);
            assertThat(sleeps).containsExactly(Taf6Poller.MIN_INTERVAL);
        }
    }

    @Test
    void an_answer_the_platform_does_not_acknowledge_stays_in_the_journal_and_is_sent_again_after_a_pause() throws Exception {
        try (ValueStore store = store()) {
            Taf6Poller poller = poller(store, channel(List.of(ORDER)), batches(503, 200), meter());

            poller.step();
            assertThat(store.readUnacknowledged(100)).hasSize(2);
            assertThat(sleeps).containsExactly(Duration.ofSeconds(5));

            poller.step();
            assertThat(posted).hasSize(2);
            assertThat(SignedBatches.open(posted.get(1), List.of(SIGNER.certificate())).batch().values())
                    .as("the same readings, signed anew").isEqualTo(
                            SignedBatches.open(posted.get(0), List.of(SIGNER.certificate())).batch().values());
            assertThat(store.readUnacknowledged(100)).isEmpty();
        }
    }

    @Test
    void a_platform_that_is_down_gets_a_doubling_pause_and_an_empty_poll_is_no_busy_loop() throws Exception {
        try (ValueStore store = store()) {
            IOException down = new IOException("connection refused");
            Taf6Poller poller = poller(store, channel(down, down, down, down, down, down, down, down, List.of()), batches(), meter());

            for (int i = 0; i < 9; i++) {
                poller.step();
            }

            assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                    Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofMinutes(5),
                    Duration.ofMinutes(5), Taf6Poller.MIN_INTERVAL);
            assertThat(posted).isEmpty();
        }
    }

    @Test
    void a_reading_that_cannot_be_taken_is_reported_to_the_platform_with_the_reason() throws Exception {
        try (ValueStore store = store()) {
            Taf6Poller poller = poller(store, channel(List.of(ORDER)), batches(), null);

            poller.step();

            assertThat(failures).containsExactly("917: TAF 6 'Zählerwechsel': no meter reading received since start");
            assertThat(posted).isEmpty();
            assertThat(store.lastSeq()).isZero();
        }
    }
}
