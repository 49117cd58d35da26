package org.smgwlite.platform.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.smgwlite.metering.contract.EichlogLink;

/**
 * The Eichlog entries a batch carries, checked with the chain rule of {@link EichlogLink} (the agent's own): each
 * entry intact, numbers consecutive, each chained to the entry before, in this batch or stored; entry 1 starts
 * from {@link EichlogLink#GENESIS}. A first entry whose predecessor the platform never received is taken as it is.
 */
final class EichlogCheck {

    private EichlogCheck() {
    }

    /**
     * @param storedHash the hash of the stored entry with the given number, if stored
     * @throws BatchRefusedException {@code EICHLOG_BROKEN} at the first entry that breaks the chain
     */
    static List<EichlogLink> verify(List<String> lines, LongFunction<Optional<String>> storedHash) {
        List<EichlogLink> entries = new ArrayList<>();
        EichlogLink previous = null;
        for (String line : lines) {
            EichlogLink e;
            try {
                e = EichlogLink.parse(line);
            } catch (IllegalArgumentException ex) {
                throw broken("entry '" + ReadingStore.cut(line, 60) + "': " + ex.getMessage());
            }
            long expectedN = previous == null ? e.n() : previous.n() + 1;
            String expectedPrev = previous != null ? previous.hash()
                    : e.n() == 1 ? EichlogLink.GENESIS
                    : storedHash.apply(e.n() - 1).orElse(e.prevHash());
            Optional<EichlogLink.Break> wrong = e.follows(expectedN, expectedPrev);
            if (wrong.isPresent()) {
                throw broken(switch (wrong.get()) {
                    case NUMBER -> "entry " + e.n() + " follows entry " + previous.n();
                    case CHANGED -> "entry " + e.n() + ": hash does not match its content";
                    case NOT_CHAINED -> "entry " + e.n() + ": previous hash does not match entry " + (e.n() - 1);
                });
            }
            entries.add(e);
            previous = e;
        }
        return entries;
    }

    private static BatchRefusedException broken(String message) {
        return new BatchRefusedException(BatchRefusedException.Reason.EICHLOG_BROKEN, "Eichlog chain broken: " + message);
    }
}
