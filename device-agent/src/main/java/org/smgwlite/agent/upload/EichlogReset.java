package org.smgwlite.agent.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.smgwlite.metering.contract.EichlogLink;

/**
 * A closing of the platform's Eichlog chain that the next upload still has to carry. The agent's journal was lost or
 * broken while the platform may hold entries of it, so the journal began a new chain at entry 1, which the platform
 * accepts only after an {@link EichlogLink#RESET} entry that continues the chain it holds. That entry goes alone in a
 * batch before anything of the new chain ({@link Uploader#uploadBacklog(PendingEichlog, PendingEichlog)}).
 *
 * <p>Kept in {@code credentials/eichlog.reset} (replaced atomically), so a restart or an unreachable platform loses
 * nothing: first the reason only; once the platform told its newest entry ({@link EichlogHead}), the closing entry
 * itself, numbered one above it and chained to its hash, made once so that every retry sends the same line (the
 * platform takes a line it holds already as the same entry). After the platform's 200 for that batch the
 * {@link EichlogCursor} restarts at 0 and the file goes; a crash in between sends the stored line once more.
 */
public final class EichlogReset implements PendingEichlog {

    static final String FILE = "eichlog.reset";
    private static final String REASON = "reason\t";
    private static final String ENTRY = "entry\t";

    private final Path file;
    private final EichlogCursor cursor;
    private final Clock clock;

    EichlogReset(Path credentialDir, EichlogCursor cursor, Clock clock) {
        this.file = credentialDir.resolve(FILE);
        this.cursor = cursor;
        this.clock = clock;
    }

    /**
     * Whether the platform may hold Eichlog entries of this gateway: it enrolled (it may have uploaded, even if the
     * answer was lost), acknowledged entries, or has a reset pending.
     */
    static boolean platformMayHoldEntries(Path credentialDir) {
        return Files.exists(credentialDir.resolve(UploadService.chainFile("tls")))
                || Files.exists(credentialDir.resolve(EichlogCursor.FILE)) || Files.exists(credentialDir.resolve(FILE));
    }

    /**
     * Records that the platform's chain must be closed because of {@code reason} (e.g. {@code file … missing}).
     *
     * @return false when a reset is pending already: it stays as it is (its entry may be on the platform already),
     *         and closes the chain the platform holds all the same
     */
    static boolean record(Path credentialDir, String reason) throws IOException {
        Path file = credentialDir.resolve(FILE);
        if (Files.exists(file)) {
            return false;
        }
        Files.createDirectories(credentialDir);
        EichlogCursor.replace(file, REASON + reason.replace('\n', ' ').replace('\r', ' ') + "\n");
        return true;
    }

    /** A reset is pending. */
    boolean pending() {
        return Files.exists(file);
    }

    /** The reset is pending and its closing entry is not made yet: the platform's newest entry is needed. */
    boolean awaitsHead() throws IOException {
        return pending() && state().startsWith(REASON);
    }

    /**
     * Makes the closing entry: {@code head.n + 1}, chained to {@code head.hash}, with the reason as its detail. When
     * the platform holds nothing ({@code head} empty) there is nothing to close: the reset is done and the new chain
     * goes from entry 1 as a first upload.
     *
     * @return the closing entry, empty when nothing had to be closed
     */
    Optional<EichlogLink> chainTo(Optional<EichlogHead> head) throws IOException {
        String reason = state().substring(REASON.length());
        if (head.isEmpty()) {
            done();
            return Optional.empty();
        }
        EichlogLink closing = EichlogLink.create(head.get().n() + 1, clock.instant(), EichlogLink.RESET,
                reason + "; the gateway's journal begins a new chain at entry 1", head.get().hash());
        EichlogCursor.replace(file, ENTRY + closing.line() + "\n");
        return Optional.of(closing);
    }

    /**
     * The closing entry while it is pending, else nothing.
     *
     * @throws IOException while the entry is not made yet ({@link #chainTo} first): the new chain must not go before it
     */
    @Override
    public List<String> read(int max) throws IOException {
        if (max < 1 || !pending()) {
            return List.of();
        }
        String state = state();
        if (!state.startsWith(ENTRY)) {
            throw new IOException("the Eichlog reset in " + file + " has no closing entry yet: the platform's newest entry"
                    + " is needed first");
        }
        return List.of(state.substring(ENTRY.length()));
    }

    /** The platform holds the closing entry: the new chain is sent from its entry 1. */
    @Override
    public void acknowledge(String lastLine) throws IOException {
        done();
    }

    private void done() throws IOException {
        cursor.restart();
        Files.deleteIfExists(file);
    }

    private String state() throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
