package org.smgwlite.platform.shared;

/**
 * Which slice of a long list a caller wants (a lazy grid, a REST page): rows from {@code offset} on, at most
 * {@code limit}. Lists that grow with the tenant are only ever read this way.
 *
 * @throws InvalidInputException on {@code offset} (negative) or {@code limit} (not 1 to {@link #MAX_LIMIT})
 */
public record PageRequest(int offset, int limit) {

    /** The most rows one request returns. */
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_LIMIT);
        }
    }
}
