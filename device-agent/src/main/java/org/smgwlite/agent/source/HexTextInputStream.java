package org.smgwlite.agent.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a hex dump as people paste it into issues: pairs of hex digits, with whitespace, line breaks,
 * {@code ,} and {@code :} separators, {@code 0x} prefixes and {@code #} comments to the end of the line ignored.
 * Reads character by character, so a dump of any size (even one long line) needs constant memory.
 */
final class HexTextInputStream extends InputStream {

    private final InputStream text;
    private final String where;
    private int line = 1;
    private int high = -1;
    /** A '0' read but not yet used: it is either a digit or the start of a {@code 0x} prefix. */
    private boolean pendingZero;
    private boolean inComment;
    private boolean ended;

    /** @param where the file name for messages */
    HexTextInputStream(InputStream text, String where) {
        this.text = text;
        this.where = where;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    /** @throws IOException naming the line of a character that is not hex, or an odd digit count at the end */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n < length && !ended) {
            int b = text.read();
            int value = b < 0 ? endOfText() : character(b);
            if (value >= 0) {
                buffer[offset + n++] = (byte) value;
            }
        }
        return n == 0 ? -1 : n;
    }

    /** @return a completed byte, or -1 when the character completed none */
    private int character(int b) throws IOException {
        char c = b < 0x80 ? (char) b : '\uFFFD';
        if (c == '\n') {
            int value = flushZero();
            line++;
            inComment = false;
            return value;
        }
        if (inComment) {
            return -1;
        }
        if (pendingZero) {
            pendingZero = false;
            if (c == 'x' || c == 'X') {
                return -1;
            }
            int value = digit(0);
            int next = character(b);
            return value >= 0 ? value : next; // a byte needs two digits: when the '0' completed one, c completed none
        }
        if (c == '#') {
            inComment = true;
            return -1;
        }
        if (c == '0') {
            pendingZero = true;
            return -1;
        }
        if (Character.isWhitespace(c) || c == ',' || c == ':') {
            return -1;
        }
        int digit = Character.digit(c, 16);
        if (digit < 0) {
            throw new IOException(where + " line " + line + ": '" + c + "' is not a hex digit");
        }
        return digit(digit);
    }

    private int flushZero() {
        if (!pendingZero) {
            return -1;
        }
        pendingZero = false;
        return digit(0);
    }

    private int digit(int digit) {
        if (high < 0) {
            high = digit;
            return -1;
        }
        int value = high << 4 | digit;
        high = -1;
        return value;
    }

    private int endOfText() throws IOException {
        int value = flushZero();
        ended = true;
        if (high >= 0) {
            throw new IOException(where + ": odd number of hex digits");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
