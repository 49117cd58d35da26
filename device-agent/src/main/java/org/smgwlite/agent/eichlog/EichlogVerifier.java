package org.smgwlite.agent.eichlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smgwlite.metering.contract.EichlogLink;

/**
 * Checks an Eichlog with the chain rule of {@link EichlogLink}: every line parses, numbers run 1, 2, 3 ..., every entry's hash matches its content and every
 * entry's previous hash is the hash of the line before. The first violation is reported with its line number:
 * an edited entry fails its own hash; a removed or inserted entry fails the number or the previous-hash check of
 * the entry after it. Removing entries at the end is only detectable against an anchored last hash.
 */
public final class EichlogVerifier {

    /**
     * @param entries     the entries read before the first violation (all of them when ok)
     * @param brokenLine  1-based line number of the first violation, or 0 when the chain is intact
     * @param message     what is wrong, or a summary when ok
     * @param tornTail    the file ends in an unterminated line (a crash during a write; not counted as broken)
     */
    public record Result(List<EichlogEntry> entries, int brokenLine, String message, boolean tornTail) {
        public boolean ok() {
            return brokenLine == 0;
        }
    }

    private EichlogVerifier() {
    }

    public static Result verify(Path file) throws IOException {
        return verify(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    public static Result verify(String text) {
        List<EichlogEntry> entries = new ArrayList<>();
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        String[] lines = text.split("\n", -1);
        int complete = lines.length - 1; // the part after the last '\n' is empty or torn
        String prev = EichlogEntry.GENESIS;
        for (int i = 0; i < complete; i++) {
            int lineNo = i + 1;
            EichlogEntry e;
            try {
                e = EichlogEntry.parse(lines[i]);
            } catch (IllegalArgumentException ex) {
                return new Result(entries, lineNo, "line " + lineNo + ": unreadable entry: " + ex.getMessage(), torn);
            }
            Optional<EichlogLink.Break> broken = e.link().follows(lineNo, prev);
            if (broken.isPresent()) {
                return new Result(entries, lineNo, "line " + lineNo + ": " + switch (broken.get()) {
                    case NUMBER -> "entry number " + e.n() + ", expected " + lineNo
                            + " (an entry was removed or inserted before it)";
                    case CHANGED -> "entry " + e.n() + " was changed (its hash does not match its content)";
                    case NOT_CHAINED -> "entry " + e.n()
                            + " does not chain to the entry before it (an entry was removed, replaced or reordered)";
                }, torn);
            }
            entries.add(e);
            prev = e.hash();
        }
        String summary = entries.size() + " entries, chain intact, last hash " + prev
                + (torn ? "; WARNING: unterminated last line (torn write), not part of the chain" : "");
        return new Result(entries, 0, summary, torn);
    }
}
