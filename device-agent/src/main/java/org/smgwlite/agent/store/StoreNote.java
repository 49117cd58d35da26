package org.smgwlite.agent.store;

/**
 * Something the store tells the Eichlog about, with its kind: the agent chooses the Eichlog event type from
 * {@link #kind()}, never from the wording of {@link #detail()}.
 *
 * @param detail one line for a human reader
 */
public record StoreNote(Kind kind, String detail) {

    /** What happened to the store. */
    public enum Kind {
        /** damage found when the store was opened (a torn or broken journal segment, an unreadable mark), repaired or cut off */
        REPAIR,
        /** the store was full: the oldest TAF 14 samples were deleted to make room */
        EVICTION,
        /** the store was full of billing values: TAF 14 samples are not kept until the platform acknowledges some */
        FULL
    }

    @Override
    public String toString() {
        return kind + " " + detail;
    }
}
