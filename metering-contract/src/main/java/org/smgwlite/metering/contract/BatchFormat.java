package org.smgwlite.metering.contract;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch line format, version {@value #VERSION}: UTF-8, LF line ends, TAB-separated fields, one record per
 * line, a header and a trailer with counts so that a cut-off body is refused. Documented in the module README;
 * this class is the only reader and writer.
 *
 * <pre>
 * SMGWLITE-BATCH  1
 * gateway         EDEF0012345678
 * created         2026-11-25T00:07:13Z
 * V  householdId  taf  slotStart  obis  unscaled  scaler  unit  ptbLevel  flags  [requestId]   (per value)
 * E  eichlog-line                                                                   (per Eichlog entry, verbatim)
 * END  valueCount  eichlogCount
 * </pre>
 *
 * <p>The eleventh field {@code requestId} is optional and only on a TAF 6 value that answers a platform request
 * ({@code GET /api/device/taf6-requests}); a value without it is written exactly as before, so a batch without
 * such answers is byte for byte what the first version of this class wrote.
 */
public final class BatchFormat {

    public static final int VERSION = 1;
    public static final String MAGIC = "SMGWLITE-BATCH";
    /** Largest value count a batch may hold: a day of 15-minute values for 40 registers, 7 days over. */
    public static final int MAX_VALUES = 96 * 40 * 7;
    /** Largest signed body the platform reads (checked before any parsing). */
    public static final int MAX_SIGNED_BYTES = 4 * 1024 * 1024;

    private BatchFormat() {
    }

    public static byte[] encode(ReadingBatch batch) {
        if (batch.values().size() > MAX_VALUES) {
            throw new IllegalArgumentException("batch of " + batch.values().size() + " values exceeds " + MAX_VALUES);
        }
        StringBuilder b = new StringBuilder(64 + batch.values().size() * 72);
        b.append(MAGIC).append('\t').append(VERSION).append('\n');
        b.append("gateway\t").append(batch.gatewayId()).append('\n');
        b.append("created\t").append(batch.createdAt()).append('\n');
        for (BatchValue v : batch.values()) {
            b.append("V\t").append(v.householdId()).append('\t').append(v.taf()).append('\t').append(v.slotStart())
                    .append('\t').append(v.obis()).append('\t').append(v.unscaled()).append('\t').append(v.scaler())
                    .append('\t').append(v.unit()).append('\t').append(v.ptbLevel()).append('\t').append(v.flags());
            if (v.requestId() != null) {
                b.append('\t').append(v.requestId());
            }
            b.append('\n');
        }
        for (String e : batch.eichlog()) {
            b.append("E\t").append(e).append('\n');
        }
        b.append("END\t").append(batch.values().size()).append('\t').append(batch.eichlog().size()).append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a batch body.
     *
     * @throws BatchFormatException with the line and what is wrong: unknown version, missing header,
     *                              bad field, too many values, missing or wrong trailer, data after it
     */
    public static ReadingBatch decode(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw new BatchFormatException(1, "body does not end with a line break (cut off?)");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 4) {
            throw new BatchFormatException(lines.length, "too short: header of three lines and END needed");
        }
        String[] magic = lines[0].split("\t", -1);
        if (magic.length != 2 || !magic[0].equals(MAGIC)) {
            throw new BatchFormatException(1, "expected '" + MAGIC + " TAB version'");
        }
        if (!magic[1].equals(String.valueOf(VERSION))) {
            throw new BatchFormatException(1, "unsupported batch version '" + magic[1] + "', this reader knows " + VERSION);
        }
        String gateway = header(lines[1], "gateway", 2);
        Instant created = instant(header(lines[2], "created", 3), 3);
        List<BatchValue> values = new ArrayList<>();
        List<String> eichlog = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.startsWith("V\t")) {
                if (!eichlog.isEmpty()) {
                    throw new BatchFormatException(lineNo, "values must come before Eichlog entries");
                }
                if (values.size() == MAX_VALUES) {
                    throw new BatchFormatException(lineNo, "more than " + MAX_VALUES + " values in one batch");
                }
                values.add(value(line, lineNo));
            } else if (line.startsWith("E\t")) {
                eichlog.add(line.substring(2));
            } else if (line.startsWith("END\t")) {
                if (i != lines.length - 1) {
                    throw new BatchFormatException(lineNo + 1, "data after END");
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3 || !f[1].equals(String.valueOf(values.size())) || !f[2].equals(String.valueOf(eichlog.size()))) {
                    throw new BatchFormatException(lineNo, "END counts do not match: read " + values.size() + " values and "
                            + eichlog.size() + " Eichlog entries");
                }
                try {
                    return new ReadingBatch(gateway, created, values, eichlog);
                } catch (IllegalArgumentException e) {
                    throw new BatchFormatException(lineNo, e.getMessage());
                }
            } else {
                throw new BatchFormatException(lineNo, "unknown record type, expected V, E or END");
            }
        }
        throw new BatchFormatException(lines.length, "no END line (cut off?)");
    }

    private static BatchValue value(String line, int lineNo) {
        String[] f = line.split("\t", -1);
        if (f.length != 10 && f.length != 11) {
            throw new BatchFormatException(lineNo, "a value needs 10 fields (11 with a TAF 6 request id), found " + f.length);
        }
        try {
            Long requestId = f.length == 11 ? Long.valueOf(f[10]) : null;
            return new BatchValue(Long.parseLong(f[1]), Integer.parseInt(f[2]), instant(f[3], lineNo), f[4],
                    new BigInteger(f[5]), Integer.parseInt(f[6]), f[7], Integer.parseInt(f[8]), Integer.parseInt(f[9]),
                    requestId);
        } catch (NumberFormatException e) {
            throw new BatchFormatException(lineNo, "not a number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BatchFormatException(lineNo, e.getMessage());
        }
    }

    private static String header(String line, String key, int lineNo) {
        String[] f = line.split("\t", -1);
        if (f.length != 2 || !f[0].equals(key) || f[1].isEmpty()) {
            throw new BatchFormatException(lineNo, "expected '" + key + " TAB value'");
        }
        return f[1];
    }

    private static Instant instant(String text, int lineNo) {
        Instant whole = wholeSecondUtc(text);
        if (whole != null) {
            return whole;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BatchFormatException(lineNo, "'" + text + "' is not an ISO-8601 UTC instant");
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ}, the form {@link Instant#toString()} gives a slot and the one every value line
     * has, read without the general ISO parser (a week's batch has thousands); null for any other text, which then
     * goes to {@link Instant#parse}. Field ranges are checked by {@link LocalDateTime#of}.
     */
    static Instant wholeSecondUtc(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // e.g. February 30: Instant.parse reports it
        }
    }

    /** The decimal number in {@code t[from, to)}; -1 if a character is not a digit. */
    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
