package org.smgwlite.platform.shared;

/**
 * A search typed by a user as a SQL {@code LIKE} prefix pattern: its own {@code %}, {@code _} and {@code \} match
 * literally (PostgreSQL's default escape character is the backslash), so a search never becomes a wildcard.
 */
public final class LikePrefix {

    private LikePrefix() {
    }

    /** {@code text} escaped, followed by {@code %}; case is the caller's (compare like with like). */
    public static String of(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
