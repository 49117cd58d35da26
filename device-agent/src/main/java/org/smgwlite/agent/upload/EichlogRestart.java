package org.smgwlite.agent.upload;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import org.smgwlite.agent.eichlog.Eichlog;

/**
 * The agent's start when its journal began a new chain although it should have continued one: the file was missing
 * or empty while the gateway had talked to the platform before, or its chain was broken (the {@link Eichlog} kept it
 * aside). The platform may hold the old chain and refuses a new one without a closing entry, so a reset is recorded
 * ({@link EichlogReset}) for the next upload to carry first. A first start, or a journal that continues, is left alone.
 */
public final class EichlogRestart {

    private EichlogRestart() {
    }

    /**
     * Records the reset where one is needed and says so loudly on {@code err}.
     *
     * @param credentialDir the upload's state ({@link UploadSettings#credentialDir()}), {@code null} when upload is off
     * @return the detail for the entry that opens the new chain (why it starts over, what happens to the old one);
     *         empty on a first start and for a journal that continues
     * @throws IOException when the reset cannot be recorded (the agent must not go on as if the chain continued)
     */
    public static Optional<String> afterOpen(Eichlog journal, Path credentialDir, PrintStream err) throws IOException {
        if (!journal.newChain()) {
            return Optional.empty();
        }
        boolean platformMayHold = credentialDir != null && EichlogReset.platformMayHoldEntries(credentialDir);
        Optional<String> broken = journal.brokenAtOpen();
        if (broken.isEmpty() && !platformMayHold) {
            return Optional.empty();
        }
        String reason = "Eichlog file " + journal.file() + " " + broken.orElse("missing or empty");
        String consequence;
        if (!platformMayHold) {
            consequence = "the platform holds none of the old one";
        } else if (EichlogReset.record(credentialDir, reason)) {
            consequence = "the next upload closes the platform's chain with an EICHLOG_RESET entry first";
        } else {
            consequence = "the EICHLOG_RESET entry still pending closes the platform's chain first";
        }
        String detail = reason + "; a new chain begins at entry 1, " + consequence;
        err.println("device-agent: EICHLOG RESET: " + detail);
        return Optional.of(detail);
    }
}
