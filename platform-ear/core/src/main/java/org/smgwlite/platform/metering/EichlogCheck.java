package org.smgwlite.platform.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smgwlite.metering.contract.EichlogLink;

/**
 * The Eichlog entries a batch carries, checked with the chain rule of {@link EichlogLink} (the agent's own) against
 * what the platform has stored: each entry intact, numbers consecutive, each chained to the entry before, in this
 * batch or stored. Nothing is taken on trust:
 * <ul>
 * <li>entry 1 (from {@link EichlogLink#GENESIS}) starts the chain only on the gateway's first upload, or as a new
 * chain after a stored {@link EichlogLink#RESET} entry;</li>
 * <li>a {@code RESET} entry itself is an ordinary next entry of the stored chain (a gateway that lost its journal
 * chains it to {@link EichlogHeads the newest stored entry}); the new chain comes in a later batch, never after the
 * reset in the same one, so each batch's entries belong to one chain;</li>
 * <li>a first entry above 1 needs its predecessor stored (else entries are missing: a gap);</li>
 * <li>an entry the platform has already must be the same entry (else it was altered).</li>
 * </ul>
 */
final class EichlogCheck {

    private EichlogCheck() {
    }

    /** The gateway's current chain as stored. */
    interface StoredChain {
        /** The newest stored entry, if any. */
        Optional<EichlogHead> newest();

        /** The hash of stored entry {@code n}, if stored. */
        Optional<String> hash(long n);
    }

    /** The batch's entries in order; {@code newChain}: they start a chain after a recorded reset. */
    record Verified(List<EichlogLink> entries, boolean newChain) {
    }

    /** @throws BatchRefusedException {@code EICHLOG_BROKEN}, naming the first entry that breaks the chain */
    static Verified verify(List<String> lines, StoredChain stored) {
        List<EichlogLink> entries = parse(lines);
        if (entries.isEmpty()) {
            return new Verified(entries, false);
        }
        EichlogLink first = entries.get(0);
        Optional<EichlogHead> newest = stored.newest();
        boolean newChain = first.n() == 1 && newest.isPresent()
                && !stored.hash(1).map(first.hash()::equals).orElse(false);
        if (newChain && !EichlogLink.RESET.equals(newest.get().type())) {
            throw broken("entry 1 starts the Eichlog over, but the platform holds entries up to " + newest.get().n()
                    + " and the last of them records no reset (" + EichlogLink.RESET + ")");
        }
        String expectedPrev = first.n() == 1 ? EichlogLink.GENESIS : stored.hash(first.n() - 1)
                .orElseThrow(() -> broken("entry " + first.n() + ": entries before it are missing (the platform holds "
                        + newest.map(e -> "entries up to " + e.n()).orElse("none") + ")"));
        EichlogLink previous = null;
        for (EichlogLink e : entries) {
            long expectedN = previous == null ? first.n() : previous.n() + 1;
            Optional<EichlogLink.Break> wrong = e.follows(expectedN, previous == null ? expectedPrev : previous.hash());
            if (wrong.isPresent()) {
                throw broken(switch (wrong.get()) {
                    case NUMBER -> "entry " + e.n() + " follows entry " + previous.n();
                    case CHANGED -> "entry " + e.n() + ": hash does not match its content";
                    case NOT_CHAINED -> "entry " + e.n() + ": previous hash does not match entry " + (e.n() - 1);
                });
            }
            if (!newChain && newest.isPresent() && e.n() <= newest.get().n()
                    && !stored.hash(e.n()).map(e.hash()::equals).orElse(true)) {
                throw broken("entry " + e.n() + " differs from the stored entry " + e.n());
            }
            previous = e;
        }
        return new Verified(entries, newChain);
    }

    private static List<EichlogLink> parse(List<String> lines) {
        List<EichlogLink> entries = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                entries.add(EichlogLink.parse(line));
            } catch (IllegalArgumentException ex) {
                throw broken("entry '" + ReadingStore.cut(line, 60) + "': " + ex.getMessage());
            }
        }
        return entries;
    }

    private static BatchRefusedException broken(String message) {
        return new BatchRefusedException(BatchRefusedException.Reason.EICHLOG_BROKEN, "Eichlog chain broken: " + message);
    }
}
