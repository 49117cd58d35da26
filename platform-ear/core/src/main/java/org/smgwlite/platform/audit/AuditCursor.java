package org.smgwlite.platform.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Where the next page of audit events starts: the (time, id) of the last event shown. Pages run newest first, so the
 * next page holds the events strictly before it in that order; new events (always later) never shift a page. Sent to
 * clients as an opaque URL-safe token, so that nobody builds one by hand and a changed format breaks no one.
 *
 * @param at the {@code at} of the last event of the page
 * @param id the {@code id} of that event, which breaks ties between events of the same instant
 */
public record AuditCursor(Instant at, long id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char SEPARATOR = '/';

    public static AuditCursor after(AuditEvent last) {
        return new AuditCursor(last.at(), last.id());
    }

    public String token() {
        return ENCODER.encodeToString((at + String.valueOf(SEPARATOR) + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A token as {@link #token()} made it.
     *
     * @throws InvalidInputException on field {@code after} for anything else
     */
    public static AuditCursor parse(String token) {
        try {
            String text = new String(DECODER.decode(token.strip()), StandardCharsets.UTF_8);
            int split = text.lastIndexOf(SEPARATOR);
            if (split < 0) {
                throw new IllegalArgumentException("no separator");
            }
            long id = Long.parseLong(text.substring(split + 1));
            if (id <= 0) {
                throw new IllegalArgumentException("id " + id);
            }
            return new AuditCursor(Instant.parse(text.substring(0, split)), id);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException("after", "is not a cursor of this API (take nextCursor of the previous page as it is)");
        }
    }
}
