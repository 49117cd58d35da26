package org.smgwlite.admin.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A lazy grid's rows (asked for by offset and limit) read from a source that pages by cursor (keyset) only. It keeps
 * the cursor at the start of every page it has read, so that scrolling on costs one read of the next rows; an offset
 * beyond the known ones is reached by reading on from the nearest known cursor, never by counting from the start in
 * the database. A new filter means a new instance.
 *
 * @param <T> a row
 * @param <C> a cursor: where the rows after some row start
 */
public final class KeysetRows<T, C> {

    /** One page of the source: its rows and the cursor after the last of them, empty at the end. */
    public record Page<T, C>(List<T> rows, Optional<C> next) {
    }

    /** Reads up to {@code limit} rows after {@code after} (empty: from the first row). */
    @FunctionalInterface
    public interface Source<T, C> {
        Page<T, C> read(Optional<C> after, int limit);
    }

    private final Source<T, C> source;
    private final int maxRead;
    /** Offset → the cursor that reads from that offset; offset 0 reads from the start. */
    private final TreeMap<Integer, Optional<C>> starts = new TreeMap<>(Map.of(0, Optional.empty()));
    /** The offset of the end of the rows, once a read came back without a next cursor. */
    private Integer end;

    /** @param maxRead the most rows one read may ask the source for */
    public KeysetRows(Source<T, C> source, int maxRead) {
        if (maxRead < 1) {
            throw new IllegalArgumentException("maxRead must be positive: " + maxRead);
        }
        this.source = source;
        this.maxRead = maxRead;
    }

    /** The rows {@code [offset, offset + limit)}, fewer at the end. */
    public List<T> rows(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        List<T> rows = new ArrayList<>(limit);
        if (end != null && offset >= end) {
            return rows;
        }
        Map.Entry<Integer, Optional<C>> start = starts.floorEntry(offset);
        int at = start.getKey();
        Optional<C> cursor = start.getValue();
        while (rows.size() < limit && (end == null || at < end)) {
            int want = Math.min(offset + limit - at, maxRead);
            Page<T, C> page = source.read(cursor, want);
            for (int i = 0; i < page.rows().size(); i++) {
                if (at + i >= offset && rows.size() < limit) {
                    rows.add(page.rows().get(i));
                }
            }
            at += page.rows().size();
            if (page.next().isEmpty() || page.rows().isEmpty()) {
                end = at;
                break;
            }
            cursor = page.next();
            starts.put(at, cursor);
        }
        return rows;
    }
}
