package org.smgwlite.platform.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Reads a request body only up to a limit, so that no caller (authenticated or not) can make the platform buffer
 * more than that: a declared {@code Content-Length} above the limit is refused before a byte is read, and a body
 * without one (chunked) is refused as soon as it passes the limit; at most {@code limit + 1} bytes are read.
 */
public final class LimitedBody {

    private static final int CHUNK = 8192;

    private LimitedBody() {
    }

    /**
     * @param declaredLength the request's {@code Content-Length}, or -1 if it has none
     * @param what           the body's name for the message, e.g. "EST request"
     * @throws BodyTooLargeException if the body is or says it is longer than {@code limit} bytes
     * @throws InvalidInputException  if the body cannot be read to its end
     */
    public static byte[] read(InputStream in, long declaredLength, int limit, String what) {
        if (declaredLength > limit) {
            throw new BodyTooLargeException(what, declaredLength, limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declaredLength, limit)));
        byte[] buffer = new byte[CHUNK];
        try {
            while (true) {
                int room = limit + 1 - out.size();
                int n = in.read(buffer, 0, Math.min(buffer.length, room));
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    throw new BodyTooLargeException(what, -1, limit);
                }
            }
        } catch (IOException e) {
            // the client went away or stopped sending (the listener's read timeout): its fault, not an incident
            throw new InvalidInputException("body", "the " + what + " could not be read to its end");
        }
    }
}
