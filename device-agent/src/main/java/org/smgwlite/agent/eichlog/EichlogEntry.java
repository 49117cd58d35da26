package org.smgwlite.agent.eichlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One Eichlog line: {@code n TAB time TAB type TAB detail TAB prevHash TAB hash}, where {@code hash} is the SHA-256
 * (hex) of everything before its tab. Tabs, line breaks and backslashes in the detail are escaped, so an entry is
 * always exactly one line.
 *
 * @param n    1 for the first entry, then +1 per entry
 * @param type the event type's name (the verifier reads logs of any version, so it is text here)
 */
public record EichlogEntry(long n, Instant time, String type, String detail, String prevHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** A new entry chained to {@code prevHash}. */
    static EichlogEntry create(long n, Instant time, String type, String detail, String prevHash) {
        return new EichlogEntry(n, time, type, detail, prevHash, hashOf(n, time, type, detail, prevHash));
    }

    static String hashOf(long n, Instant time, String type, String detail, String prevHash) {
        String content = n + "\t" + time + "\t" + type + "\t" + escape(detail) + "\t" + prevHash;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** True if the stored hash matches the entry's content. */
    public boolean hashMatches() {
        return hash.equals(hashOf(n, time, type, detail, prevHash));
    }

    public String toLine() {
        return n + "\t" + time + "\t" + type + "\t" + escape(detail) + "\t" + prevHash + "\t" + hash;
    }

    /**
     * Parses one line (without its line break).
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public static EichlogEntry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("expected 6 tab-separated fields, found " + f.length);
        }
        long n;
        try {
            n = Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("entry number '" + f[0] + "' is not a number");
        }
        Instant time;
        try {
            time = Instant.parse(f[1]);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + f[1] + "' is not an ISO instant");
        }
        return new EichlogEntry(n, time, f[2], unescape(f[3]), f[4], f[5]);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                b.append(e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
