package org.smgwlite.agent.eichlog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The writing side of the Eichlog. Each {@link #append} writes one line and fsyncs it before returning.
 *
 * <p>On open, a last line without its line break (a write torn by a crash) is cut off and the cut is logged as the
 * next entry. A file whose chain is broken further up (an entry changed, removed or inserted) is not continued: it is
 * kept as it is under a new name ({@code <name>.broken-<UTC time>}, the log is evidence) and a new chain starts from
 * entry 1 in a new file ({@link #brokenAtOpen} says why), so that an altered journal is never carried on as if it were
 * intact. New entries chain to the hash of the last complete line. Thread-safe: the agent loop, the status page's TAF 6 trigger and the
 * uploader may log concurrently.
 */
public final class Eichlog implements Closeable {

    private static final int TAIL = 50;

    private final Path file;
    private final Clock clock;
    private final FileChannel channel;
    private final Deque<EichlogEntry> tail = new ArrayDeque<>(TAIL);
    private static final DateTimeFormatter KEPT_AS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String brokenAtOpen;
    private long lastN;
    private String lastHash = EichlogEntry.GENESIS;
    private boolean newChain;

    private Eichlog(Path file, Clock clock, FileChannel channel, String brokenAtOpen) {
        this.file = file;
        this.clock = clock;
        this.channel = channel;
        this.brokenAtOpen = brokenAtOpen;
    }

    public static Eichlog open(Path file, Clock clock) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String broken = keepBrokenAside(file, clock);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Eichlog log = new Eichlog(file, clock, ch, broken);
        try {
            log.recover();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return log;
    }

    /**
     * Renames a file whose chain is broken (in its complete lines) to {@code <name>.broken-<UTC time>}.
     *
     * @return where the break is and where the file went, or {@code null} for a missing or intact file
     */
    private static String keepBrokenAside(Path file, Clock clock) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        EichlogVerifier.Result check = EichlogVerifier.verify(new String(bytes, 0, completeLength(bytes), StandardCharsets.UTF_8));
        if (check.ok()) {
            return null;
        }
        Path kept = file.resolveSibling(file.getFileName() + ".broken-" + KEPT_AS.format(clock.instant()));
        Files.move(file, kept);
        return "broken at entry " + check.brokenLine() + " (" + check.message() + "), kept as " + kept.getFileName();
    }

    /** The length of the complete lines: up to and including the last line break. */
    private static int completeLength(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    private void recover() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = completeLength(bytes);
        int torn = bytes.length - end;
        if (torn > 0) {
            channel.truncate(end);
            channel.force(true);
        }
        EichlogVerifier.Result check = EichlogVerifier.verify(new String(bytes, 0, end, StandardCharsets.UTF_8));
        newChain = check.entries().isEmpty();
        for (EichlogEntry e : check.entries()) {
            remember(e);
        }
        if (!check.entries().isEmpty()) {
            EichlogEntry last = check.entries().get(check.entries().size() - 1);
            lastN = last.n();
            lastHash = last.hash();
        }
        channel.position(end);
        if (torn > 0) {
            append(EventType.EICHLOG_REPAIR, "cut off " + torn + " bytes of a torn last entry (crash during write)");
        }
    }

    private void remember(EichlogEntry e) {
        if (tail.size() == TAIL) {
            tail.removeFirst();
        }
        tail.addLast(e);
    }

    /**
     * Appends and fsyncs one entry.
     *
     * @throws IOException naming the file, e.g. when the disk is full; the entry is then not in the chain
     */
    public synchronized EichlogEntry append(EventType type, String detail) throws IOException {
        EichlogEntry e = EichlogEntry.create(lastN + 1, clock.instant(), type.name(), detail, lastHash);
        ByteBuffer line = ByteBuffer.wrap((e.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
        long start = channel.position();
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException ex) {
            try {
                channel.truncate(start);
                channel.position(start);
            } catch (IOException ignored) {
                // a torn line is cut off at the next open
            }
            throw new IOException("cannot append to Eichlog " + file + ": " + ex.getMessage(), ex);
        }
        lastN = e.n();
        lastHash = e.hash();
        remember(e);
        return e;
    }

    /** The newest entries, oldest first, at most {@code max}. */
    public synchronized List<EichlogEntry> tail(int max) {
        List<EichlogEntry> all = new ArrayList<>(tail);
        return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    /**
     * True when this log began a new chain at open: the file held no complete entry (a first start, a lost or emptied
     * file, or a broken one kept aside).
     */
    public boolean newChain() {
        return newChain;
    }

    /** Where the chain found at open was broken and under which name that file was kept; empty when it was not. */
    public Optional<String> brokenAtOpen() {
        return Optional.ofNullable(brokenAtOpen);
    }

    /** Hash of the last entry: anchoring it elsewhere (e.g. in the upload) makes truncation detectable too. */
    public synchronized String lastHash() {
        return lastHash;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
