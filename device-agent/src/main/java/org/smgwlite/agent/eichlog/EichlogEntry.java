package org.smgwlite.agent.eichlog;

import java.time.Instant;
import org.smgwlite.metering.contract.EichlogLink;

/**
 * One Eichlog line as the agent writes and reads it. The line format and the chain rule are
 * {@link EichlogLink}'s (metering-contract), the same the platform checks uploaded entries with.
 *
 * @param n    1 for the first entry, then +1 per entry
 * @param type the event type's name (the verifier reads logs of any version, so it is text here)
 */
public record EichlogEntry(long n, Instant time, String type, String detail, String prevHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = EichlogLink.GENESIS;

    /** A new entry chained to {@code prevHash}. */
    static EichlogEntry create(long n, Instant time, String type, String detail, String prevHash) {
        return of(EichlogLink.create(n, time, type, detail, prevHash));
    }

    /** True if the stored hash matches the entry's content. */
    public boolean hashMatches() {
        return link().hashMatches();
    }

    public String toLine() {
        return link().line();
    }

    /**
     * Parses one line (without its line break).
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public static EichlogEntry parse(String line) {
        return of(EichlogLink.parse(line));
    }

    EichlogLink link() {
        return new EichlogLink(n, time, type, detail, prevHash, hash);
    }

    static EichlogEntry of(EichlogLink l) {
        return new EichlogEntry(l.n(), l.time(), l.type(), l.detail(), l.prevHash(), l.hash());
    }
}
