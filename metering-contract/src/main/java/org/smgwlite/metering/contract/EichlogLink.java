package org.smgwlite.metering.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One entry of a gateway's Eichlog (the tamper-evident event journal) and the chain rule, written once for the
 * agent that writes and verifies its journal and for the platform that verifies the entries a batch carries.
 *
 * <p>Line format: {@code n TAB time TAB type TAB detail TAB prevHash TAB hash}; {@code hash} is the SHA-256 (lower
 * hex) of the UTF-8 text before its tab, {@code prevHash} the hash of the entry before ({@link #GENESIS} for entry 1).
 * Tabs, line breaks and backslashes in the detail are escaped, so an entry is always exactly one line.
 *
 * @param n    1 for the first entry, then +1 per entry
 * @param type the event type's name (text: a verifier reads journals of any agent version)
 */
public record EichlogLink(long n, Instant time, String type, String detail, String prevHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The type of the entry that closes a log for good (the gateway starts a new one): only after the platform has
     * stored an entry of this type does it accept a chain that starts over at entry 1 from {@link #GENESIS}.
     */
    public static final String RESET = "EICHLOG_RESET";

    /** The first rule an entry breaks, in the order they are checked. */
    public enum Break {
        /** Its number is not the one expected (an entry was removed or inserted before it). */
        NUMBER,
        /** Its hash does not match its content (the entry was edited). */
        CHANGED,
        /** Its previous hash is not the hash of the entry before (removed, replaced or reordered). */
        NOT_CHAINED
    }

    /** A new entry chained to {@code prevHash}. */
    public static EichlogLink create(long n, Instant time, String type, String detail, String prevHash) {
        return new EichlogLink(n, time, type, detail, prevHash, sha256(content(n, time, type, detail, prevHash)));
    }

    /**
     * Parses one line (without its line break); the detail comes back unescaped.
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public static EichlogLink parse(String line) {
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
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + f[1] + "' is not an ISO instant");
        }
        return new EichlogLink(n, time, f[2], unescape(f[3]), f[4], f[5]);
    }

    /** True if the hash matches the entry's content. */
    public boolean hashMatches() {
        return hash.equals(sha256(content(n, time, type, detail, prevHash)));
    }

    /** The entry as one line, without a line break. */
    public String line() {
        return content(n, time, type, detail, prevHash) + "\t" + hash;
    }

    /**
     * The chain rule for one entry: numbered {@code expectedN}, its own hash intact, chained to
     * {@code expectedPrevHash}. Returns the first rule broken, or empty.
     */
    public Optional<Break> follows(long expectedN, String expectedPrevHash) {
        if (n != expectedN) {
            return Optional.of(Break.NUMBER);
        }
        if (!hashMatches()) {
            return Optional.of(Break.CHANGED);
        }
        return prevHash.equals(expectedPrevHash) ? Optional.empty() : Optional.of(Break.NOT_CHAINED);
    }

    private static String content(long n, Instant time, String type, String detail, String prevHash) {
        return n + "\t" + time + "\t" + type + "\t" + escape(detail) + "\t" + prevHash;
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
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
