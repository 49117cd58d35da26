package org.smgwlite.agent.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;

/**
 * The agent's durable store. Billing values (TAF 7, TAF 6) go to the {@code billing} journal and are fsync'd before
 * {@link #appendBilling} returns; TAF 14 samples go to the {@code local} journal, written without fsync (they are
 * for display; a crash may lose the last seconds of them, never a billing value).
 *
 * <p>The uploader's API: {@link #readUnacknowledged} returns billing values in sequence order starting after the
 * acknowledged sequence number; {@link #acknowledge} records, durably, that the platform has everything up to a
 * sequence number, after which those values' segments are reclaimed. Until then values stay.
 *
 * <p>Bound: billing plus local bytes stay within the capacity. When full, the oldest TAF 14 segment is evicted
 * first (reported to the event consumer, which logs it in the Eichlog); unacknowledged billing values are never
 * evicted: when they alone fill the capacity, {@link #appendBilling} throws {@link StoreFullException}.
 * <p>Over 300 lines on purpose: the capacity bound spans both journals (eviction of TAF 14 segments, the refusal
 * of billing values, reclaiming acknowledged segments), so its accounting stays in one class.
 *
 * <p>Not thread-safe; the agent's loop is the only caller except for reads, which it serialises.
 */
public final class ValueStore implements Closeable {

    static final byte VALUE = 1;
    private static final String ACK_FILE = "acknowledged";

    private final Path dir;
    private final long capacity;
    private final Consumer<StoreNote> events;
    private final Journal billing;
    private final Journal local;
    private long acknowledged;
    private Instant lastTaf7Slot;
    private String lastMeterId;
    private final Set<ObisCode> lastTaf7Registers = new LinkedHashSet<>();
    private boolean localRefusedReported;

    private ValueStore(Path dir, long capacity, Consumer<StoreNote> events, Journal billing, Journal local) {
        this.dir = dir;
        this.capacity = capacity;
        this.events = events;
        this.billing = billing;
        this.local = local;
    }

    /**
     * Opens or creates the store under {@code dir}, repairing torn tails.
     *
     * @param capacityBytes upper bound of all journal bytes; 60 days of quarter-hour values of 4 registers need
     *                      about 2 MB, so the default of 64 MB leaves most of it to TAF 14 history
     * @param events        receives repairs found at open, evictions and a full store, each with its kind, for the Eichlog
     */
    public static ValueStore open(Path dir, long capacityBytes, WriteGuard guard, Consumer<StoreNote> events)
            throws IOException {
        if (capacityBytes < 256 * 1024) {
            throw new IllegalArgumentException("store capacity must be at least 256 KiB, was " + capacityBytes);
        }
        long segment = Math.max(16 * 1024, Math.min(4L << 20, capacityBytes / 64));
        Consumer<String> repairs = detail -> events.accept(new StoreNote(StoreNote.Kind.REPAIR, detail));
        Journal billing = Journal.open(dir.resolve("billing"), "billing", segment, guard, repairs);
        Journal local = Journal.open(dir.resolve("local"), "local", segment, guard, repairs);
        ValueStore store = new ValueStore(dir, capacityBytes, events, billing, local);
        store.acknowledged = store.readAcknowledged();
        store.scanBilling();
        return store;
    }

    private long readAcknowledged() throws IOException {
        Path file = dir.resolve(ACK_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            events.accept(new StoreNote(StoreNote.Kind.REPAIR,
                    "store: acknowledgement file unreadable ('" + text + "'), all values count as unacknowledged"));
            return 0;
        }
    }

    private void scanBilling() throws IOException {
        long from = 1;
        while (true) {
            List<JournalRecord> batch = billing.read(from, 4096);
            if (batch.isEmpty()) {
                return;
            }
            for (JournalRecord r : batch) {
                noteBilling(TafValueCodec.decode(r.seq(), r.payload()));
            }
            from = batch.get(batch.size() - 1).seq() + 1;
        }
    }

    private void noteBilling(TafValue v) {
        if (v.kind() != TafKind.TAF7) {
            return;
        }
        if (lastTaf7Slot == null || v.slot().isAfter(lastTaf7Slot)) {
            lastTaf7Slot = v.slot();
            lastTaf7Registers.clear();
        }
        if (v.slot().equals(lastTaf7Slot)) {
            lastTaf7Registers.add(v.obis());
            lastMeterId = v.meterId();
        }
    }

    /**
     * Appends billing values and fsyncs once; when this returns they survive a crash or power loss.
     *
     * @return the values with their sequence numbers
     * @throws StoreFullException if unacknowledged billing values fill the capacity
     * @throws IOException        if the write or the fsync failed (e.g. disk full); none of the values then
     *                            counts as stored, and any part written is cut off at the next open
     */
    public List<TafValue> appendBilling(List<TafValue> values) throws IOException {
        List<byte[]> payloads = encode(values, true);
        long bytes = recordBytes(payloads);
        makeRoom(bytes);
        if (sizeBytes() + bytes > capacity) {
            throw new StoreFullException("store full: " + billing.sizeBytes() + " bytes of billing values up to seq "
                    + (billing.nextSeq() - 1) + " not yet acknowledged (capacity " + capacity + ")");
        }
        List<TafValue> stored = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            long seq = billing.append(VALUE, payloads.get(i));
            stored.add(values.get(i).withSeq(seq));
        }
        billing.force();
        stored.forEach(this::noteBilling);
        return stored;
    }

    /** Appends TAF 14 samples without fsync; silently refused (reported once) when billing data fills the store. */
    public void appendLocal(List<TafValue> values) throws IOException {
        List<byte[]> payloads = encode(values, false);
        long bytes = recordBytes(payloads);
        makeRoom(bytes);
        if (sizeBytes() + bytes > capacity) {
            if (!localRefusedReported) {
                events.accept(new StoreNote(StoreNote.Kind.FULL, "store: no room for TAF 14 samples, billing values fill the store"));
                localRefusedReported = true;
            }
            return;
        }
        localRefusedReported = false;
        for (byte[] p : payloads) {
            local.append(VALUE, p);
        }
    }

    /** Encodes values bound for the billing journal (TAF 7, TAF 6) or the local one (TAF 14 only). */
    private static List<byte[]> encode(List<TafValue> values, boolean billing) {
        List<byte[]> payloads = new ArrayList<>(values.size());
        for (TafValue v : values) {
            if ((v.kind() == TafKind.TAF14) == billing) {
                throw new IllegalArgumentException((billing ? "TAF 14 samples are not billing values: "
                        : "only TAF 14 samples go to local history: ") + v);
            }
            payloads.add(TafValueCodec.encode(v));
        }
        return payloads;
    }

    private static long recordBytes(List<byte[]> payloads) {
        long bytes = 0;
        for (byte[] p : payloads) {
            bytes += p.length + Journal.RECORD_OVERHEAD;
        }
        return bytes;
    }

    /** Evicts the oldest TAF 14 segments until {@code bytes} more fit, logging each eviction. */
    private void makeRoom(long bytes) throws IOException {
        while (sizeBytes() + bytes > capacity) {
            if (local.segments().size() == 1) {
                local.rotate();
            }
            Journal.Segment s = local.deleteOldest();
            if (s == null) {
                return;
            }
            events.accept(new StoreNote(StoreNote.Kind.EVICTION, "store full: evicted TAF 14 samples seq " + s.baseSeq() + ".."
                    + s.lastSeq() + " (" + s.bytes() + " bytes)"));
        }
    }

    /** Up to {@code max} billing values after the acknowledged sequence number, in order. */
    public List<TafValue> readUnacknowledged(int max) throws IOException {
        return readBilling(acknowledged + 1, max);
    }

    /** Billing values from {@code fromSeq} on, acknowledged or not, as long as their segment is kept. */
    public List<TafValue> readBilling(long fromSeq, int max) throws IOException {
        List<TafValue> out = new ArrayList<>();
        for (JournalRecord r : billing.read(fromSeq, max)) {
            out.add(TafValueCodec.decode(r.seq(), r.payload()));
        }
        return out;
    }

    /** Up to {@code max} TAF 14 samples from {@code fromSeq} on (the local journal has its own numbering). */
    public List<TafValue> readLocal(long fromSeq, int max) throws IOException {
        List<TafValue> out = new ArrayList<>();
        for (JournalRecord r : local.read(fromSeq, max)) {
            out.add(TafValueCodec.decode(r.seq(), r.payload()));
        }
        return out;
    }

    /**
     * Records durably that the platform holds every billing value up to {@code upToSeq}; their segments become
     * reclaimable and are deleted, except the newest one that still holds values (it anchors the sequence and the
     * last slot across restarts).
     *
     * @throws IllegalArgumentException if {@code upToSeq} was never assigned
     */
    public void acknowledge(long upToSeq) throws IOException {
        if (upToSeq >= billing.nextSeq()) {
            throw new IllegalArgumentException("cannot acknowledge seq " + upToSeq + ": last stored is "
                    + (billing.nextSeq() - 1));
        }
        if (upToSeq <= acknowledged) {
            return;
        }
        Path tmp = dir.resolve(ACK_FILE + ".tmp");
        Files.writeString(tmp, upToSeq + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try {
            Files.move(tmp, dir.resolve(ACK_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(ACK_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        acknowledged = upToSeq;
        reclaim();
    }

    private void reclaim() throws IOException {
        List<Journal.Segment> segs = billing.segments();
        int newestWithValues = -1;
        for (int i = 0; i < segs.size(); i++) {
            if (!segs.get(i).isEmpty()) {
                newestWithValues = i;
            }
        }
        for (int i = 0; i < segs.size() - 1 && i < newestWithValues; i++) {
            if (segs.get(i).lastSeq() > acknowledged) {
                return;
            }
            billing.deleteOldest();
        }
    }

    public long acknowledgedSeq() {
        return acknowledged;
    }

    /** Sequence number of the newest billing value, 0 if none was ever stored. */
    public long lastSeq() {
        return billing.nextSeq() - 1;
    }

    /** The newest TAF 7 slot in the store, or {@code null}: where the TAF 7 engine resumes after a restart. */
    public Instant lastTaf7Slot() {
        return lastTaf7Slot;
    }

    public String lastMeterId() {
        return lastMeterId;
    }

    public List<ObisCode> lastTaf7Registers() {
        return List.copyOf(lastTaf7Registers);
    }

    public long sizeBytes() {
        return billing.sizeBytes() + local.sizeBytes();
    }

    public long capacityBytes() {
        return capacity;
    }

    /** Makes TAF 14 samples durable too; called on a timer and at close. */
    public void flushLocal() throws IOException {
        local.force();
    }

    @Override
    public void close() throws IOException {
        try {
            local.close();
        } finally {
            billing.close();
        }
    }
}
