package org.smgwlite.agent.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only log of records in segment files {@code PREFIX-BASESEQ.seg}. A segment starts with a 16-byte header
 * (magic, base sequence number); each record is {@code [length u32][crc32c u32][seq u64][type u8][payload]} with
 * the CRC over seq, type and payload.
 *
 * <p>Invariants: sequence numbers are dense and strictly increasing across segments; a record is either wholly
 * readable with a matching CRC or it is not returned. {@link #append} writes, {@link #force} makes everything
 * written so far durable; a caller may only call a value durable after {@code force} returned. On open, the
 * first unreadable record of the newest segment and everything after it (a write torn by a crash or power loss)
 * is cut off and reported; damage inside an older segment stops reading that segment and is reported too.
 * <p>Over 300 lines on purpose: the record format, the append/force path and the crash recovery that reads the
 * same format back belong together; split, a change to the format could reach one side and not the other.
 *
 * <p>Not thread-safe; the owner serialises calls.
 */
public final class Journal implements Closeable {

    static final long MAGIC = 0x534d_4757_4a4c_3031L; // "SMGWJL01"
    static final int HEADER_BYTES = 16;
    static final int RECORD_OVERHEAD = 4 + 4 + 8 + 1;
    /** Larger lengths are damage, not records: bounds the read of a corrupted length field. */
    static final int MAX_PAYLOAD = 1 << 20;

    /** One segment file as known in memory. */
    public record Segment(Path path, long baseSeq, long lastSeq, long bytes) {
        public boolean isEmpty() {
            return lastSeq < baseSeq;
        }
    }

    private final Path dir;
    private final String prefix;
    private final long segmentBytes;
    private final WriteGuard guard;
    private final List<Segment> segments = new ArrayList<>();
    private FileChannel active;
    private long activeSize;
    private long nextSeq;

    private Journal(Path dir, String prefix, long segmentBytes, WriteGuard guard) {
        this.dir = dir;
        this.prefix = prefix;
        this.segmentBytes = segmentBytes;
        this.guard = guard;
    }

    /**
     * Opens or creates the journal in {@code dir}, repairing a torn tail.
     *
     * @param notes receives one line per repair or damage found (for the Eichlog)
     */
    public static Journal open(Path dir, String prefix, long segmentBytes, WriteGuard guard, Consumer<String> notes)
            throws IOException {
        if (segmentBytes < HEADER_BYTES + RECORD_OVERHEAD) {
            throw new IllegalArgumentException("segment size too small: " + segmentBytes);
        }
        Files.createDirectories(dir);
        Journal j = new Journal(dir, prefix, segmentBytes, guard);
        j.recover(notes);
        return j;
    }

    private void recover(Consumer<String> notes) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().startsWith(prefix + "-")
                    && p.getFileName().toString().endsWith(".seg")).sorted().toList();
        }
        nextSeq = 1;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            boolean newest = i == files.size() - 1;
            Segment s = scanSegment(file, newest, notes);
            if (s == null) {
                continue;
            }
            segments.add(s);
            nextSeq = Math.max(nextSeq, Math.max(s.baseSeq(), s.lastSeq() + 1));
        }
        if (segments.isEmpty()) {
            startSegment(nextSeq);
        } else {
            Segment last = segments.get(segments.size() - 1);
            active = FileChannel.open(last.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            activeSize = last.bytes();
        }
    }

    /** Reads a segment through; truncates a damaged tail of the newest one. Null for an unusable file. */
    private Segment scanSegment(Path file, boolean newest, Consumer<String> notes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            readFully(ch, header, 0);
            if (header.hasRemaining() || header.getLong(0) != MAGIC) {
                if (newest && size < HEADER_BYTES * 4) {
                    notes.accept("journal " + file.getFileName() + ": header torn (" + size
                            + " bytes), segment discarded");
                    ch.close();
                    Files.delete(file);
                    return null;
                }
                throw new IOException("journal " + file + ": not a journal segment (bad header)");
            }
            long base = header.getLong(8);
            long expected = base;
            long pos = HEADER_BYTES;
            RecordCursor cursor = new RecordCursor(ch, size);
            while (pos < size) {
                JournalRecord r = cursor.read(pos);
                if (r == null || r.seq() != expected) {
                    String why = r == null ? cursor.problem : "sequence " + r.seq() + " where " + expected + " expected";
                    if (newest) {
                        notes.accept("journal " + file.getFileName() + ": damaged tail at offset " + pos + " ("
                                + why + "), " + (size - pos) + " bytes cut off");
                        ch.truncate(pos);
                        ch.force(true);
                        size = pos;
                    } else {
                        notes.accept("journal " + file.getFileName() + ": damaged at offset " + pos + " (" + why
                                + "), " + (size - pos) + " bytes of this segment unreadable");
                    }
                    break;
                }
                pos = cursor.next;
                expected++;
            }
            return new Segment(file, base, expected - 1, pos);
        }
    }

    /** Sequential reader of records from one channel; {@code problem} says why the last read returned null. */
    private static final class RecordCursor {
        private final FileChannel ch;
        private final long size;
        private final ByteBuffer head = ByteBuffer.allocate(8);
        long next;
        String problem;

        RecordCursor(FileChannel ch, long size) {
            this.ch = ch;
            this.size = size;
        }

        JournalRecord read(long pos) throws IOException {
            if (size - pos < RECORD_OVERHEAD) {
                problem = "incomplete record header";
                return null;
            }
            head.clear();
            readFully(ch, head, pos);
            int length = head.getInt(0);
            int crc = head.getInt(4);
            if (length < 9 || length > MAX_PAYLOAD + 9) {
                problem = "impossible record length " + length;
                return null;
            }
            if (size - pos - 8 < length) {
                problem = "record of " + length + " bytes runs past end of file";
                return null;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(ch, body, pos + 8);
            CRC32C c = new CRC32C();
            c.update(body.array(), 0, length);
            if ((int) c.getValue() != crc) {
                problem = "CRC32C mismatch";
                return null;
            }
            next = pos + 8 + length;
            byte[] payload = new byte[length - 9];
            System.arraycopy(body.array(), 9, payload, 0, payload.length);
            return new JournalRecord(body.getLong(0), body.get(8), payload);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, p);
            if (n < 0) {
                return;
            }
            p += n;
        }
    }

    private void startSegment(long base) throws IOException {
        Path file = dir.resolve(String.format("%s-%020d.seg", prefix, base));
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putLong(MAGIC).putLong(base).flip();
            guard.beforeWrite(file, HEADER_BYTES);
            while (header.hasRemaining()) {
                ch.write(header);
            }
            ch.force(true);
            forceDirectory();
        } catch (IOException e) {
            ch.close();
            Files.deleteIfExists(file);
            throw new IOException("cannot start journal segment " + file + ": " + e.getMessage(), e);
        }
        if (active != null) {
            active.close();
        }
        active = ch;
        activeSize = HEADER_BYTES;
        segments.add(new Segment(file, base, base - 1, HEADER_BYTES));
    }

    private void forceDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems refuse to open a directory; the segment's own force still holds its data
        }
    }

    /**
     * Writes one record (not yet durable: call {@link #force}). On failure nothing of the record remains in the
     * file as far as the file system lets us undo it; a remainder is cut off at the next open.
     *
     * @return the record's sequence number
     * @throws IOException naming the segment and offset, e.g. when the disk is full
     */
    public long append(byte type, byte[] payload) throws IOException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("journal payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        if (activeSize >= segmentBytes && !active().isEmpty()) {
            active.force(true);
            startSegment(nextSeq);
        }
        long seq = nextSeq;
        int length = 9 + payload.length;
        ByteBuffer record = ByteBuffer.allocate(8 + length);
        record.putInt(length).putInt(0).putLong(seq).put(type).put(payload);
        CRC32C c = new CRC32C();
        c.update(record.array(), 8, length);
        record.putInt(4, (int) c.getValue());
        record.flip();
        Segment seg = active();
        long start = activeSize;
        try {
            guard.beforeWrite(seg.path(), record.remaining());
            long p = start;
            while (record.hasRemaining()) {
                p += active.write(record, p);
            }
        } catch (IOException e) {
            try {
                active.truncate(start);
            } catch (IOException ignored) {
                // the torn record fails its CRC and is cut off when the journal is next opened
            }
            throw new IOException("cannot append to " + seg.path() + " at offset " + start + ": " + e.getMessage(), e);
        }
        activeSize = start + 8 + length;
        segments.set(segments.size() - 1, new Segment(seg.path(), seg.baseSeq(), seq, activeSize));
        nextSeq = seq + 1;
        return seq;
    }

    /** Makes every record appended so far durable (fsync of the active segment). */
    public void force() throws IOException {
        active.force(false);
    }

    private Segment active() {
        return segments.get(segments.size() - 1);
    }

    /** Sequence number the next append will get. */
    public long nextSeq() {
        return nextSeq;
    }

    /** Snapshot of the segments, oldest first; the last one is the one being written. */
    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    public long sizeBytes() {
        long sum = 0;
        for (Segment s : segments) {
            sum += s.bytes();
        }
        return sum;
    }

    /** Closes the active segment and starts a new one, unless the active one is still empty. */
    public void rotate() throws IOException {
        if (!active().isEmpty()) {
            active.force(true);
            startSegment(nextSeq);
        }
    }

    /**
     * Deletes the oldest segment if it is not the one being written.
     *
     * @return the deleted segment, or {@code null} if only the active one is left
     */
    public Segment deleteOldest() throws IOException {
        if (segments.size() < 2) {
            return null;
        }
        Segment s = segments.remove(0);
        Files.deleteIfExists(s.path());
        forceDirectory();
        return s;
    }

    /**
     * Reads records with {@code seq >= fromSeq} in order, at most {@code max}. Only whole, CRC-checked records
     * are returned.
     */
    public List<JournalRecord> read(long fromSeq, int max) throws IOException {
        List<JournalRecord> out = new ArrayList<>();
        for (int i = 0; i < segments.size() && out.size() < max; i++) {
            Segment s = segments.get(i);
            if (s.isEmpty() || s.lastSeq() < fromSeq) {
                continue;
            }
            try (FileChannel ch = FileChannel.open(s.path(), StandardOpenOption.READ)) {
                RecordCursor cursor = new RecordCursor(ch, s.bytes());
                long pos = HEADER_BYTES;
                while (pos < s.bytes() && out.size() < max) {
                    JournalRecord r = cursor.read(pos);
                    if (r == null) {
                        break;
                    }
                    if (r.seq() >= fromSeq) {
                        out.add(r);
                    }
                    pos = cursor.next;
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        if (active != null) {
            active.force(true);
            active.close();
            active = null;
        }
    }
}
