package org.smgwlite.agent.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The Eichlog file and the number of the last entry the platform acknowledged, kept in a one-line cursor file
 * (replaced atomically). Only complete lines (ending in a line break) with an entry number above the cursor are
 * read; the platform verifies the chain of what is sent.
 */
final class EichlogCursor implements PendingEichlog {

    /** The cursor file's name in the credentials directory. */
    static final String FILE = "eichlog.sent";

    private final Path eichlog;
    private final Path cursor;

    EichlogCursor(Path eichlog, Path cursor) {
        this.eichlog = eichlog;
        this.cursor = cursor;
    }

    @Override
    public List<String> read(int max) throws IOException {
        if (!Files.exists(eichlog)) {
            return List.of();
        }
        long after = Files.exists(cursor) ? Long.parseLong(Files.readString(cursor, StandardCharsets.US_ASCII).strip()) : 0;
        String text = Files.readString(eichlog, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        List<String> out = new ArrayList<>();
        for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
            if (out.size() == max) {
                break;
            }
            long n = entryNumber(line);
            if (n > after) {
                out.add(line);
            }
        }
        return out;
    }

    @Override
    public void acknowledge(String lastLine) throws IOException {
        long n = entryNumber(lastLine);
        if (n < 0) {
            throw new IllegalArgumentException("not an Eichlog entry line: " + lastLine);
        }
        write(n);
    }

    /** The platform closed the old chain: the journal's new chain is sent from its entry 1. */
    void restart() throws IOException {
        write(0);
    }

    private void write(long n) throws IOException {
        Files.createDirectories(cursor.getParent());
        replace(cursor, n + "\n");
    }

    /** Replaces {@code file} by {@code content} atomically where the file system can: a reader sees old or new. */
    static void replace(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The entry number before the first tab, or -1 for a line that is not an entry. */
    private static long entryNumber(String line) {
        int tab = line.indexOf('\t');
        if (tab <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(line.substring(0, tab));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
