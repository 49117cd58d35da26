package org.smgwlite.platform.metering.retention;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream in PostgreSQL's binary COPY format (signature, flags, header extension, then per row a 16-bit field
 * count and per field a 32-bit length, -1 for null, and the bytes; a field count of -1 ends it) and counts its rows.
 * An archive whose count differs from the partition's, or that is cut short, fails its check.
 */
final class CopyTuples {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private CopyTuples() {
    }

    /** The number of rows; an {@link IOException} saying where when the stream is not a whole binary COPY. */
    static long count(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] signature = new byte[SIGNATURE.length];
        data.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream: the signature is missing");
        }
        byte[] scratch = new byte[8192];
        data.readInt();
        discard(data, data.readInt(), scratch);
        long rows = 0;
        try {
            for (short fields = data.readShort(); fields != -1; fields = data.readShort()) {
                for (int f = 0; f < fields; f++) {
                    int length = data.readInt();
                    discard(data, length, scratch);
                }
                rows++;
            }
        } catch (EOFException e) {
            throw new IOException("binary COPY stream cut short after " + rows + " whole rows", e);
        }
        if (data.read() != -1) {
            throw new IOException("bytes after the end of the binary COPY stream (after " + rows + " rows)");
        }
        return rows;
    }

    /** Reads (not skips: a digest over the stream must see every byte) {@code n} bytes; none when n is -1 (null). */
    private static void discard(DataInputStream data, int n, byte[] scratch) throws IOException {
        for (int left = n; left > 0; left -= Math.min(left, scratch.length)) {
            data.readFully(scratch, 0, Math.min(left, scratch.length));
        }
    }
}
