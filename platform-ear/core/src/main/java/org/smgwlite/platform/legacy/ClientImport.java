package org.smgwlite.platform.legacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The per-line outcome of a {@code clients} import, without a database: every line of the file gets one
 * {@link Line} in file order. Lines {@link ClientsCsv} refused and devices the operator gave no household keep their
 * reason; each other device is handed to {@code register} on its own (its own transaction in the service), so a
 * refusal there costs that line only: an import loses nothing that was good.
 */
public final class ClientImport {

    /** Whether a line's device is now registered. */
    public enum Result { IMPORTED, REFUSED }

    /**
     * One line's outcome.
     *
     * @param deviceId as written on the line, or null if it has none
     * @param reason   why it was refused; null if imported
     * @param detail   the reason for people (names the line's device, household or earlier line); null if imported
     */
    public record Line(int line, String deviceId, Result result, ImportRefusal reason, String detail) {

        static Line imported(ClientsCsv.Client c) {
            return new Line(c.line(), c.deviceId().value(), Result.IMPORTED, null, null);
        }

        static Line refused(ClientsCsv.Client c, ImportRefusal reason, String detail) {
            return new Line(c.line(), c.deviceId().value(), Result.REFUSED, reason, detail);
        }
    }

    /** The import's outcome: how many lines were imported and refused, and every line in file order. */
    public record Outcome(int imported, int refused, List<Line> lines) {
        public Outcome {
            lines = List.copyOf(lines);
        }
    }

    /** Registers one device for its household, or says why not; never throws for a refusal of that one line. */
    @FunctionalInterface
    public interface Registration {
        Line register(ClientsCsv.Client client, long householdId);
    }

    private ClientImport() {
    }

    /** @param households the household of each device id; a device without one is refused, nothing asked */
    public static Outcome run(ClientsCsv.Result parsed, Map<String, Long> households, Registration register) {
        List<Line> lines = new ArrayList<>();
        parsed.errors().forEach(e -> lines.add(new Line(e.line(), e.deviceId(), Result.REFUSED, e.refusal(), e.reason())));
        for (ClientsCsv.Client c : parsed.clients()) {
            Long household = households == null ? null : households.get(c.deviceId().value());
            lines.add(household == null
                    ? Line.refused(c, ImportRefusal.NO_HOUSEHOLD_GIVEN, "no household given for device " + c.deviceId().value())
                    : register.register(c, household));
        }
        lines.sort(Comparator.comparingInt(Line::line));
        int imported = (int) lines.stream().filter(l -> l.result() == Result.IMPORTED).count();
        return new Outcome(imported, lines.size() - imported, lines);
    }
}
