package org.smgwlite.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.status.GatewayStatus;
import org.smgwlite.agent.status.ValueStatus;
import org.smgwlite.agent.taf.ExactValue;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;

class ValueStoreTest {

    static final ObisCode IMPORT = ObisCode.parse("1-0:1.8.0*255");
    static final Instant DAY = Instant.parse("2024-03-05T00:00:00Z");
    static final long MB = 1 << 20;

    @TempDir
    Path dir;

    final List<StoreNote> events = new ArrayList<>();

    static TafValue taf7(int slot) {
        return new TafValue(0, TafKind.TAF7, "0a01455359", DAY.plusSeconds(900L * slot), IMPORT,
                new ExactValue(1_000_000L + slot, -1, DlmsUnit.WATT_HOUR), DAY.plusSeconds(900L * slot + 1),
                new ValueStatus(0x100L, slot % 2 == 0 ? 0 : GatewayStatus.CRC_ERRORS.bit()), null);
    }

    static TafValue taf14(int second) {
        return new TafValue(0, TafKind.TAF14, "0a01455359", DAY.plusSeconds(second), IMPORT,
                new ExactValue(second, 0, DlmsUnit.WATT_HOUR), DAY.plusSeconds(second), ValueStatus.OK, null);
    }

    ValueStore open(long capacity, WriteGuard guard) throws IOException {
        return ValueStore.open(dir, capacity, guard, events::add);
    }

    @Test
    void billingValuesSurviveAReopenExactlyWithDenseSequenceNumbers() throws IOException {
        List<TafValue> stored = new ArrayList<>();
        try (ValueStore store = open(MB, WriteGuard.NONE)) {
            for (int i = 0; i < 10; i++) {
                stored.addAll(store.appendBilling(List.of(taf7(i))));
            }
            TafValue taf6 = new TafValue(0, TafKind.TAF6, "0a01455359", DAY.plusSeconds(77), IMPORT,
                    new ExactValue(5, 3, null), DAY.plusSeconds(70), ValueStatus.OK.with(GatewayStatus.METER_SILENT),
                    "Zählerwechsel");
            TafValue answer = new TafValue(0, TafKind.TAF6, "0a01455359", DAY.plusSeconds(99), IMPORT,
                    new ExactValue(6, 3, null), DAY.plusSeconds(98), ValueStatus.OK, "Lieferantenwechsel", 917L);
            stored.addAll(store.appendBilling(List.of(taf6, answer)));
        }
        try (ValueStore store = open(MB, WriteGuard.NONE)) {
            assertThat(store.readUnacknowledged(100)).isEqualTo(stored);
            assertThat(stored.get(10).requestId()).as("a local TAF 6 reading answers no request").isNull();
            assertThat(stored.get(11).requestId()).as("the platform's request id survives the journal").isEqualTo(917L);
            assertThat(stored).extracting(TafValue::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
            assertThat(store.lastTaf7Slot()).isEqualTo(DAY.plusSeconds(900L * 9));
            assertThat(store.lastTaf7Registers()).containsExactly(IMPORT);
            assertThat(events).isEmpty();
        }
    }

    @Test
    void aTornLastRecordIsCutOffAtEveryByteAndEarlierValuesStay() throws IOException {
        try (ValueStore store = open(MB, WriteGuard.NONE)) {
            store.appendBilling(List.of(taf7(0), taf7(1)));
            store.appendBilling(List.of(taf7(2)));
        }
        Path segment = onlySegment(dir.resolve("billing"));
        byte[] full = Files.readAllBytes(segment);
        int lastRecord = full.length - recordLength(taf7(2));
        for (int cut = lastRecord; cut < full.length; cut++) {
            Files.write(segment, java.util.Arrays.copyOf(full, cut));
            events.clear();
            try (ValueStore store = open(MB, WriteGuard.NONE)) {
                assertThat(store.readUnacknowledged(10)).as("cut at " + cut).extracting(TafValue::seq)
                        .containsExactly(1L, 2L);
                if (cut > lastRecord) {
                    assertThat(events).singleElement().satisfies(ValueStoreTest::isRepair).asString().contains("damaged tail")
                            .contains((cut - lastRecord) + " bytes cut off");
                }
                assertThat(store.appendBilling(List.of(taf7(2))).get(0).seq()).isEqualTo(3);
            }
            Files.write(segment, full);
        }
    }

    @Test
    void aFlippedBitInTheLastRecordIsDetectedByItsChecksum() throws IOException {
        try (ValueStore store = open(MB, WriteGuard.NONE)) {
            store.appendBilling(List.of(taf7(0), taf7(1)));
        }
        Path segment = onlySegment(dir.resolve("billing"));
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(segment, bytes);
        try (ValueStore store = open(MB, WriteGuard.NONE)) {
            assertThat(store.readUnacknowledged(10)).extracting(TafValue::seq).containsExactly(1L);
            assertThat(events).singleElement().satisfies(ValueStoreTest::isRepair).asString().contains("CRC32C mismatch");
        }
    }

    @Test
    void aFullDiskFailsTheAppendLeavesNoPartialRecordAndTheStoreWorksWhenSpaceIsBack() throws IOException {
        boolean[] full = {false};
        WriteGuard disk = (file, bytes) -> {
            if (full[0]) {
                throw new IOException("No space left on device");
            }
        };
        try (ValueStore store = open(MB, disk)) {
            store.appendBilling(List.of(taf7(0)));
            full[0] = true;
            assertThatThrownBy(() -> store.appendBilling(List.of(taf7(1)))).isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left on device").hasMessageContaining("billing-");
            full[0] = false;
            assertThat(store.appendBilling(List.of(taf7(1))).get(0).seq()).isEqualTo(2);
        }
        try (ValueStore store = open(MB, WriteGuard.NONE)) {
            assertThat(store.readUnacknowledged(10)).extracting(TafValue::slot)
                    .containsExactly(taf7(0).slot(), taf7(1).slot());
            assertThat(events).isEmpty();
        }
    }

    @Test
    void acknowledgedValuesAreReclaimedAndTheSequenceContinuesAcrossReopen() throws IOException {
        long capacity = 256 * 1024; // segments of 16 KiB
        long last;
        try (ValueStore store = open(capacity, WriteGuard.NONE)) {
            for (int i = 0; i < 2000; i++) {
                store.appendBilling(List.of(taf7(i)));
            }
            long before = store.sizeBytes();
            assertThat(store.readUnacknowledged(5)).extracting(TafValue::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            store.acknowledge(1500);
            assertThat(store.sizeBytes()).isLessThan(before / 2);
            assertThat(store.readUnacknowledged(1000)).hasSize(500).first().extracting(TafValue::seq)
                    .isEqualTo(1501L);
            store.acknowledge(2000);
            last = store.lastSeq();
            assertThatThrownBy(() -> store.acknowledge(2001)).isInstanceOf(IllegalArgumentException.class);
        }
        try (ValueStore store = open(capacity, WriteGuard.NONE)) {
            assertThat(store.acknowledgedSeq()).isEqualTo(2000);
            assertThat(store.readUnacknowledged(10)).isEmpty();
            assertThat(store.lastTaf7Slot()).as("last slot kept for resume").isEqualTo(taf7(1999).slot());
            assertThat(store.appendBilling(List.of(taf7(2000))).get(0).seq()).isEqualTo(last + 1);
        }
    }

    @Test
    void whenFullTheOldestTaf14SamplesGoFirstAndBillingValuesStayUntilAcknowledged() throws IOException {
        long capacity = 256 * 1024;
        try (ValueStore store = open(capacity, WriteGuard.NONE)) {
            for (int i = 0; i < 100; i++) {
                store.appendBilling(List.of(taf7(i)));
            }
            for (int s = 0; s < 20_000; s++) {
                store.appendLocal(List.of(taf14(s)));
            }
            assertThat(store.sizeBytes()).isLessThanOrEqualTo(capacity);
            assertThat(events).isNotEmpty().allSatisfy(e -> {
                assertThat(e.kind()).isEqualTo(StoreNote.Kind.EVICTION);
                assertThat(e.detail()).startsWith("store full: evicted TAF 14");
            });
            assertThat(store.readUnacknowledged(1000)).hasSize(100);
            List<TafValue> local = store.readLocal(0, 1);
            assertThat(local.get(0).slot()).as("oldest samples evicted").isAfter(DAY.plusSeconds(1000));
            assertThat(store.readLocal(20_000, 10)).extracting(TafValue::slot).containsExactly(DAY.plusSeconds(19_999));

            int n = 100;
            assertThatThrownBy(() -> {
                for (int i = n; ; i++) {
                    store.appendBilling(List.of(taf7(i)));
                }
            }).isInstanceOf(StoreFullException.class).hasMessageContaining("not yet acknowledged");
            assertThat(store.sizeBytes()).isLessThanOrEqualTo(capacity);
        }
    }

    @Test
    void aStoreFullOfBillingValuesSaysSoOnceAsFullNotAsARepair() throws IOException {
        try (ValueStore store = open(256 * 1024, WriteGuard.NONE)) {
            int slot = 0;
            for (int batch : new int[] {100, 1}) { // fill in batches of 100 (fewer fsyncs), then the last few one by one
                try {
                    while (true) {
                        List<TafValue> values = new ArrayList<>();
                        for (int i = 0; i < batch; i++) {
                            values.add(taf7(slot + i));
                        }
                        store.appendBilling(values);
                        slot += batch;
                    }
                } catch (StoreFullException full) {
                    // on to the smaller batch
                }
            }
            events.clear();
            store.appendLocal(List.of(taf14(0)));
            store.appendLocal(List.of(taf14(1)));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(StoreNote.Kind.FULL);
                assertThat(e.detail()).contains("no room for TAF 14");
            });
            assertThat(store.readLocal(0, 10)).isEmpty();
        }
    }

    static void isRepair(StoreNote note) {
        assertThat(note.kind()).isEqualTo(StoreNote.Kind.REPAIR);
    }

    static int recordLength(TafValue v) {
        return TafValueCodec.encode(v).length + Journal.RECORD_OVERHEAD;
    }

    static Path onlySegment(Path journalDir) throws IOException {
        try (Stream<Path> s = Files.list(journalDir)) {
            List<Path> files = s.toList();
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    @Test
    void aSegmentHeaderTornAtCreationIsDiscarded() throws IOException {
        try (ValueStore store = open(MB, WriteGuard.NONE)) {
            store.appendBilling(List.of(taf7(0)));
        }
        Path torn = dir.resolve("billing").resolve(String.format("billing-%020d.seg", 2));
        try (FileChannel ch = FileChannel.open(torn, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0x53, 0x4d}));
        }
        try (ValueStore store = open(MB, WriteGuard.NONE)) {
            assertThat(events).singleElement().satisfies(ValueStoreTest::isRepair).asString().contains("header torn");
            assertThat(store.appendBilling(List.of(taf7(1))).get(0).seq()).isEqualTo(2);
        }
    }
}
