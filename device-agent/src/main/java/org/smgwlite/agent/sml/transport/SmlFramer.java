package org.smgwlite.agent.sml.transport;

import java.util.Arrays;

/**
 * Push-driven SML transport v1 deframer: feed it bytes as they arrive, in chunks of any size,
 * and it reports frames and rejections to a {@link FrameListener}.
 *
 * <p>Wire format: {@code 1b1b1b1b 01010101} starts a frame; inside, data is read in 4-byte
 * words counted from the start sequence; the word {@code 1b1b1b1b} introduces an escape whose
 * next word is either {@code 1b1b1b1b} (four data bytes 0x1b), {@code 1a pp c1 c2} (end: pp
 * padding bytes to drop, CRC-16/X-25 low byte first over everything before c1) or
 * {@code 01010101} (a new start, so the current frame was cut off).
 *
 * <p>Invariants: memory is bounded by {@code maxFrameBytes} (twice, raw and unescaped); every
 * byte of the stream ends up either in a reported frame or in a reported rejection; a start
 * sequence seen anywhere, aligned or not, begins a new frame, so a frame cut off at its end
 * never costs the frame that follows. Nothing is thrown for bad input.
 */
public final class SmlFramer {

    /** Frames longer than this are rejected; real meters send well under 2 KiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

    private static final byte ESC = 0x1b;
    private static final int ESCAPE_WORD = 0x1b1b1b1b;
    private static final int START_WORD = 0x01010101;
    private static final int START_LENGTH = 8;

    private final FrameListener listener;
    private final int maxFrameBytes;

    /** Offset in the stream of the next byte to be accepted. */
    private long position;

    private boolean inFrame;
    /** Length of the start-sequence prefix that ends at the current byte (0..8). */
    private int startMatch;
    /** Hunting: where the current run of bytes outside a frame began, or -1. */
    private long outsideFrom = -1;

    private long frameOffset;
    private byte[] raw;
    private int rawLength;
    private byte[] data;
    private int dataLength;
    private boolean escapePending;

    public SmlFramer(FrameListener listener) {
        this(listener, DEFAULT_MAX_FRAME_BYTES);
    }

    public SmlFramer(FrameListener listener, int maxFrameBytes) {
        if (maxFrameBytes < 64) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 64, was " + maxFrameBytes);
        }
        this.listener = listener;
        this.maxFrameBytes = maxFrameBytes;
        this.raw = new byte[Math.min(maxFrameBytes, 2048)];
        this.data = new byte[Math.min(maxFrameBytes, 2048)];
    }

    /** Stream offset of the next byte; equals the number of bytes accepted so far. */
    public long position() {
        return position;
    }

    public void accept(byte[] bytes) {
        accept(bytes, 0, bytes.length);
    }

    public void accept(byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            accept(bytes[i]);
        }
    }

    public void accept(byte b) {
        long here = position++;
        startMatch = nextStartMatch(startMatch, b);
        if (!inFrame) {
            hunt(here);
            return;
        }
        appendRaw(b);
        if (startMatch == START_LENGTH && rawLength > START_LENGTH) {
            long newStart = here - (START_LENGTH - 1);
            // an aligned 1b1b1b1b 01010101 after a pending escape is handled by word() itself
            if (((rawLength - START_LENGTH) & 3) != 0 || !escapePending) {
                reject(frameOffset, newStart - frameOffset,
                        "frame cut off: a new start sequence at offset " + newStart + " before its end sequence");
                beginFrame(newStart);
                return;
            }
        }
        if ((rawLength & 3) == 0) {
            word();
        }
        if (inFrame && rawLength >= maxFrameBytes) {
            reject(frameOffset, rawLength, "no end sequence within " + maxFrameBytes + " bytes");
            inFrame = false;
            outsideFrom = -1;
        }
    }

    /** Call when the stream ends: a frame still open was cut off by the end of the stream. */
    public void endOfStream() {
        if (inFrame) {
            reject(frameOffset, rawLength, "frame cut off by the end of the stream after " + rawLength + " bytes");
            inFrame = false;
        } else if (outsideFrom >= 0) {
            long length = position - outsideFrom;
            reject(outsideFrom, length, length + " bytes without a start sequence before the end of the stream");
        }
        outsideFrom = -1;
        startMatch = 0;
    }

    private void hunt(long here) {
        if (startMatch == START_LENGTH) {
            long start = here - (START_LENGTH - 1);
            if (outsideFrom >= 0 && start > outsideFrom) {
                reject(outsideFrom, start - outsideFrom, (start - outsideFrom)
                        + " bytes outside any frame (a frame cut off at its start, or line noise)");
            }
            outsideFrom = -1;
            beginFrame(start);
        } else if (outsideFrom < 0) {
            outsideFrom = here;
        }
    }

    private void beginFrame(long start) {
        inFrame = true;
        frameOffset = start;
        rawLength = 0;
        dataLength = 0;
        escapePending = false;
        for (int i = 0; i < 4; i++) {
            appendRaw(ESC);
        }
        for (int i = 0; i < 4; i++) {
            appendRaw((byte) 1);
        }
        startMatch = 0;
    }

    private void word() {
        int w = (raw[rawLength - 4] & 0xFF) << 24 | (raw[rawLength - 3] & 0xFF) << 16
                | (raw[rawLength - 2] & 0xFF) << 8 | (raw[rawLength - 1] & 0xFF);
        if (rawLength == START_LENGTH) {
            return; // the start sequence itself
        }
        if (!escapePending) {
            if (w == ESCAPE_WORD) {
                escapePending = true;
            } else {
                appendData(w);
            }
            return;
        }
        escapePending = false;
        if (w == ESCAPE_WORD) {
            appendData(w);
        } else if (w == START_WORD) {
            long newStart = position - START_LENGTH;
            reject(frameOffset, newStart - frameOffset,
                    "frame cut off: a new start sequence at offset " + newStart + " before its end sequence");
            beginFrame(newStart);
        } else if ((w >>> 24) == 0x1a) {
            end((w >>> 16) & 0xFF);
        } else {
            long at = position - 8;
            reject(frameOffset, rawLength, String.format(
                    "unsupported escape sequence 1b1b1b1b %08x at offset %d (not transport v1)", w, at));
            inFrame = false;
            outsideFrom = -1;
        }
    }

    private void end(int padding) {
        inFrame = false;
        outsideFrom = -1;
        int declared = Crc16.readWire(raw, rawLength - 2);
        int x25 = Crc16.x25(raw, 0, rawLength - 2);
        SmlFrame.CrcVariant variant;
        if (declared == x25) {
            variant = SmlFrame.CrcVariant.X25;
        } else if (declared == Crc16.kermit(raw, 0, rawLength - 2)) {
            variant = SmlFrame.CrcVariant.KERMIT_HOLLEY_QUIRK;
        } else {
            reject(frameOffset, rawLength, String.format(
                    "CRC mismatch: frame says %04x, CRC-16/X-25 of its %d bytes is %04x", declared, rawLength, x25));
            return;
        }
        if (padding > 3 || padding > dataLength) {
            reject(frameOffset, rawLength, "impossible padding count " + padding + " in end sequence");
            return;
        }
        for (int i = dataLength - padding; i < dataLength; i++) {
            if (data[i] != 0) {
                reject(frameOffset, rawLength, "padding byte at message offset " + i + " is not 0x00");
                return;
            }
        }
        byte[] messages = Arrays.copyOf(data, dataLength - padding);
        listener.frame(new SmlFrame(frameOffset, rawLength, messages, variant));
    }

    private void reject(long offset, long length, String reason) {
        listener.rejected(new FrameRejection(offset, length, reason));
    }

    private void appendRaw(byte b) {
        if (rawLength == raw.length) {
            raw = Arrays.copyOf(raw, Math.min(maxFrameBytes, raw.length * 2));
        }
        raw[rawLength++] = b;
    }

    private void appendData(int w) {
        if (dataLength + 4 > data.length) {
            data = Arrays.copyOf(data, Math.min(maxFrameBytes, data.length * 2));
        }
        data[dataLength++] = (byte) (w >>> 24);
        data[dataLength++] = (byte) (w >>> 16);
        data[dataLength++] = (byte) (w >>> 8);
        data[dataLength++] = (byte) w;
    }

    /** Knuth-Morris-Pratt step over the 8-byte start pattern {@code 1b1b1b1b01010101}. */
    static int nextStartMatch(int matched, byte b) {
        if (matched == START_LENGTH) {
            matched = 0;
        }
        if (matched < 4) {
            return b == ESC ? matched + 1 : 0;
        }
        if (b == 1) {
            return matched + 1;
        }
        if (b == ESC) {
            return matched == 4 ? 4 : 1;
        }
        return 0;
    }
}
