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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.smgwlite.metering.contract.BatchValue;
import org.smgwlite.metering.contract.SignedBatches;

class UploaderTest {

    private static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    private static final String GW = "EDEF0000000099";
    private static final TestSigner SIGNER = TestSigner.forGateway(GW);
    private static final KeyPair KEYS = SIGNER.keys();
    private static final X509Certificate CERT = SIGNER.certificate();

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<byte[]> posted = new ArrayList<>();

    /** A transport that plays back the given outcomes: an Integer status, or an IOException. */
    private BatchTransport scripted(Object... outcomes) {
        Deque<Object> script = new ArrayDeque<>(List.of(outcomes));
        return body -> {
            posted.add(body);
            Object next = script.removeFirst();
            if (next instanceof IOException e) {
                throw e;
            }
            return new BatchTransport.Answer((Integer) next, "{\"accepted\":96}");
        };
    }

    private ValueStore storeWithADay() throws IOException {
        ValueStore store = ValueStore.open(dir.resolve("store"), 64L << 20, WriteGuard.NONE, e -> { });
        List<TafValue> values = new ArrayList<>();
        for (int slot = 0; slot < 96; slot++) {
            values.add(new TafValue(0, TafKind.TAF7, "0a01455359", DAY.plusSeconds(900L * slot), ObisCode.parse("1-0:1.8.0*255"),
                    new ExactValue(1_000_000L + slot, -1, DlmsUnit.WATT_HOUR), DAY.plusSeconds(900L * slot + 1), ValueStatus.OK, null));
        }
        store.appendBilling(values);
        return store;
    }

    private Uploader uploader(ValueStore store, BatchTransport transport) {
        return new Uploader(PendingValues.of(store), transport, GW, 42, KEYS.getPrivate(), CERT, Duration.ofSeconds(1), 4, sleeps::add,
                Clock.fixed(DAY.plus(Duration.ofHours(25)), ZoneOffset.UTC), e -> { });
    }

    @Test
    void retries_with_doubling_backoff_resends_the_same_bytes_and_acknowledges_only_after_success() throws Exception {
        try (ValueStore store = storeWithADay()) {
            Uploader.Result r = uploader(store, scripted(new IOException("connection reset"), 503, 200)).uploadOnce(List.of());

            assertThat(r.acknowledged()).isTrue();
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(posted).hasSize(3);
            assertThat(posted.get(1)).isEqualTo(posted.get(0));
            assertThat(posted.get(2)).isEqualTo(posted.get(0));
            assertThat(store.readUnacknowledged(1000)).isEmpty();

            List<BatchValue> sent = SignedBatches.open(posted.get(0), List.of(CERT)).batch().values();
            assertThat(sent).hasSize(96);
            assertThat(sent.get(5)).isEqualTo(new BatchValue(42, 7, DAY.plusSeconds(900L * 5), "1-0:1.8.0*255",
                    java.math.BigInteger.valueOf(1_000_005), -1, "Wh", 0, 0));
        }
    }

    @Test
    void nothing_is_acknowledged_when_the_platform_never_answers_or_refuses() throws Exception {
        try (ValueStore store = storeWithADay()) {
            Uploader.Result down = uploader(store, scripted(503, 503, new IOException("no route"), 502)).uploadOnce(List.of());
            assertThat(down.acknowledged()).isFalse();
            assertThat(down.attempts()).isEqualTo(4);
            assertThat(store.readUnacknowledged(1000)).hasSize(96);

            posted.clear();
            Uploader.Result refused = uploader(store, scripted(400)).uploadOnce(List.of());
            assertThat(refused.acknowledged()).isFalse();
            assertThat(posted).as("a refusal is not retried").hasSize(1);
            assertThat(store.readUnacknowledged(1000)).hasSize(96);
        }
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
