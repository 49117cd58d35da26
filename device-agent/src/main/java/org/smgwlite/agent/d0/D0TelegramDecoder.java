package org.smgwlite.agent.d0;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.MeterReading;
import org.smgwlite.agent.meter.MeterTelegram;
import org.smgwlite.agent.meter.MeterValue;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.meter.TelegramDecoder;
import org.smgwlite.agent.meter.TelegramListener;
import org.smgwlite.agent.sml.transport.FrameRejection;

/**
 * Push-driven IEC 62056-21 decoder for the data message a meter sends, in push mode (D: no
 * checksum) or after a mode C readout (STX ... ! CR LF ETX BCC).
 *
 * <pre>
 * /EBZ5DD3BZ06ETA_107        identification: '/', manufacturer XXX, baud-rate character, ident
 *                            (blank line)
 * 1-0:1.8.0*255(012345.6789*kWh)
 * !                          end of data
 * </pre>
 *
 * <p>Where the telegram has an STX, the BCC (XOR of every byte after STX up to and including
 * ETX) is verified and a mismatch rejects the telegram. Values are exact: {@code 012345.6789*kWh}
 * becomes unscaled 123456789, scaler -1, unit Wh (kilo folded into the scaler). Memory is bounded
 * by {@link #MAX_TELEGRAM_BYTES}; nothing is thrown for bad input.
 */
public final class D0TelegramDecoder implements TelegramDecoder {

    public static final int MAX_TELEGRAM_BYTES = 16 * 1024;

    private static final int STX = 0x02;
    private static final int ETX = 0x03;

    private enum State { HUNT, BODY, AWAIT_ETX, AWAIT_BCC }

    private final TelegramListener listener;
    private State state = State.HUNT;
    private long position;
    private long start;
    private long outsideFrom = -1;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream(512);
    private boolean lineStart = true;
    private boolean checked;
    /** Between '(' and ')': a '/' there is part of a value (dates), elsewhere it starts a new telegram. */
    private boolean inValue;
    private int bcc;

    public D0TelegramDecoder(TelegramListener listener) {
        this.listener = listener;
    }

    @Override
    public void accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i] & 0xFF);
        }
    }

    private void accept(int b) {
        long here = position++;
        switch (state) {
            case HUNT:
                if (b == '/') {
                    if (outsideFrom >= 0) {
                        reject(outsideFrom, (here - outsideFrom) + " bytes before an identification line '/'");
                        outsideFrom = -1;
                    }
                    begin(here);
                } else if (outsideFrom < 0 && b != '\r' && b != '\n') {
                    outsideFrom = here;
                }
                return;
            case BODY:
                body(b, here);
                return;
            case AWAIT_ETX:
                bcc ^= b;
                if (b == ETX) {
                    state = State.AWAIT_BCC;
                } else if (b != '\r' && b != '\n') {
                    reject(start, "byte " + Integer.toHexString(b) + " between end line '!' and ETX");
                    state = State.HUNT;
                }
                return;
            case AWAIT_BCC:
                if (b != bcc) {
                    reject(start, String.format("block check character mismatch: telegram says %02x, computed %02x",
                            b, bcc));
                    state = State.HUNT;
                } else {
                    complete();
                }
                return;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    private void body(int b, long here) {
        if (b == STX && !checked) {
            checked = true;
            bcc = 0;
            lineStart = true;
            return;
        }
        if (checked) {
            bcc ^= b;
        }
        if (b == '(') {
            inValue = true;
        } else if (b == ')') {
            inValue = false;
        }
        if (b == '/' && !inValue) {
            reject(start, "telegram cut off: a new identification line at offset " + here + " before its end line '!'");
            begin(here);
            return;
        }
        if (lineStart && b == '!') {
            text.write(b);
            if (checked) {
                state = State.AWAIT_ETX;
            } else {
                complete();
            }
            return;
        }
        text.write(b);
        lineStart = b == '\n';
        if (text.size() > MAX_TELEGRAM_BYTES) {
            reject(start, "no end line '!' within " + MAX_TELEGRAM_BYTES + " bytes");
            state = State.HUNT;
        }
    }

    /** Call when the stream ends: a telegram still open was cut off. */
    @Override
    public void endOfStream() {
        if (state != State.HUNT) {
            reject(start, "telegram cut off by the end of the stream");
        } else if (outsideFrom >= 0) {
            reject(outsideFrom, (position - outsideFrom) + " bytes without an identification line");
        }
        state = State.HUNT;
        outsideFrom = -1;
    }

    private void begin(long here) {
        state = State.BODY;
        start = here;
        text.reset();
        text.write('/');
        lineStart = false;
        inValue = false;
        checked = false;
        bcc = 0;
    }

    private void complete() {
        state = State.HUNT;
        outsideFrom = -1;
        String telegram = text.toString(StandardCharsets.ISO_8859_1);
        try {
            listener.telegram(parse(telegram, start));
        } catch (IllegalArgumentException e) {
            reject(start, e.getMessage());
        }
    }

    private void reject(long offset, String reason) {
        listener.rejected(new FrameRejection(offset, 0, reason));
    }

    /**
     * Parses one complete telegram text from '/' to '!'.
     *
     * @throws IllegalArgumentException naming the line that is not D0
     */
    static MeterTelegram parse(String telegram, long offset) {
        String[] lines = telegram.split("\r?\n");
        String ident = lines[0].strip();
        if (ident.length() < 5 || !ident.startsWith("/")) {
            throw new IllegalArgumentException("identification line too short: " + ident);
        }
        String manufacturer = ident.substring(1, 4);
        List<MeterReading> readings = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.equals("!")) {
                continue;
            }
            int open = line.indexOf('(');
            int close = line.indexOf(')', open + 1);
            if (open < 0 || close < 0) {
                throw new IllegalArgumentException("data line without (value): " + line);
            }
            String id = line.substring(0, open);
            ObisCode obis;
            try {
                obis = ObisCode.parse(id);
            } catch (IllegalArgumentException notObis) {
                obis = null; // manufacturer-specific ids such as F.F or C.1.0 are kept by name
            }
            MeterValue value = value(line.substring(open + 1, close));
            readings.add(new MeterReading(obis, id.getBytes(StandardCharsets.ISO_8859_1), value, null, null, null,
                    null));
        }
        return new MeterTelegram(offset, ident.substring(1).getBytes(StandardCharsets.ISO_8859_1), manufacturer,
                null, List.copyOf(readings), List.of(), Set.of());
    }

    /** {@code 012345.6789*kWh} to unscaled 123456789, scaler -1, Wh; non-numbers stay text. */
    static MeterValue value(String group) {
        int star = group.indexOf('*');
        String number = star < 0 ? group : group.substring(0, star);
        String unitText = star < 0 ? "" : group.substring(star + 1);
        if (!number.matches("[-+]?\\d+(\\.\\d+)?")) {
            return new MeterValue.Text(group);
        }
        int dot = number.indexOf('.');
        int scaler = dot < 0 ? 0 : -(number.length() - dot - 1);
        BigInteger unscaled = new BigInteger(number.replace(".", "").replace("+", ""));
        if (unitText.isEmpty()) {
            return MeterValue.Number.of(unscaled, scaler, null);
        }
        int kilo = 0;
        String base = unitText;
        if (unitText.length() > 1 && (unitText.startsWith("k") || unitText.startsWith("M"))
                && DlmsUnit.fromSymbol(unitText) == null) {
            kilo = unitText.startsWith("k") ? 3 : 6;
            base = unitText.substring(1);
        }
        DlmsUnit unit = DlmsUnit.fromSymbol(base);
        if (unit == null) {
            return new MeterValue.Text(group);
        }
        return MeterValue.Number.of(unscaled, scaler + kilo, unit);
    }
}
