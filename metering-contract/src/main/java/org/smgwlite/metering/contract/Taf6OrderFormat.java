package org.smgwlite.metering.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code GET /api/device/taf6-requests} (version {@value #VERSION}): the open TAF 6 requests of the
 * calling gateway, in the batch format's style (UTF-8, LF, TAB-separated, a trailer with the count). Not signed:
 * it travels over the mutual-TLS device port, and what the gateway sends back is a signed batch.
 *
 * <pre>
 * SMGWLITE-TAF6  1
 * R  id  requestedAt  reason          (per open request, oldest first)
 * END  count
 * </pre>
 */
public final class Taf6OrderFormat {

    public static final int VERSION = 1;
    public static final String MAGIC = "SMGWLITE-TAF6";
    /** Media type of the answer. */
    public static final String CONTENT_TYPE = "text/plain;charset=UTF-8";

    private Taf6OrderFormat() {
    }

    public static byte[] encode(List<Taf6Order> orders) {
        StringBuilder b = new StringBuilder(MAGIC).append('\t').append(VERSION).append('\n');
        for (Taf6Order o : orders) {
            b.append("R\t").append(o.id()).append('\t').append(o.requestedAt()).append('\t').append(o.reason()).append('\n');
        }
        b.append("END\t").append(orders.size()).append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws BatchFormatException with the line and what is wrong
     */
    public static List<Taf6Order> decode(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw new BatchFormatException(1, "body does not end with a line break (cut off?)");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (!lines[0].equals(MAGIC + "\t" + VERSION)) {
            throw new BatchFormatException(1, "expected '" + MAGIC + " TAB " + VERSION + "'");
        }
        List<Taf6Order> orders = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            int lineNo = i + 1;
            if (f[0].equals("END")) {
                if (f.length != 2 || !f[1].equals(String.valueOf(orders.size())) || i != lines.length - 1) {
                    throw new BatchFormatException(lineNo, "END must be last and count the " + orders.size() + " requests");
                }
                return orders;
            }
            if (!f[0].equals("R") || f.length != 4) {
                throw new BatchFormatException(lineNo, "expected 'R TAB id TAB requestedAt TAB reason' or END");
            }
            try {
                orders.add(new Taf6Order(Long.parseLong(f[1]), Instant.parse(f[2]), f[3]));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new BatchFormatException(lineNo, "bad id or time: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new BatchFormatException(lineNo, e.getMessage());
            }
        }
        throw new BatchFormatException(lines.length, "no END line (cut off?)");
    }
}
