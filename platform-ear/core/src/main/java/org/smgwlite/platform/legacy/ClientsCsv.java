package org.smgwlite.platform.legacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * Reads an export of the SMGW.Lite PHP backend's {@code clients} table so its gateways can upload here with their old
 * tokens. The table holds {@code token} as the SHA-256 hex of the device's token (a trigger hashes it on insert), so
 * the export carries no secret in clear.
 *
 * <p>Accepted forms: {@code ;} or {@code ,} separated (whichever the first line uses more), fields optionally in double
 * quotes ({@code ""} inside for a quote), with a header line naming the {@code device_id} and {@code token} columns in
 * any position (a full phpMyAdmin export), or without a header either two columns {@code device_id, token} or the
 * table's column order {@code id, device_id, token, ...}. Blank lines are skipped.
 *
 * <p>Each bad line becomes a {@link LineError} naming the line (1-based, as an editor shows it) and the reason; the
 * good lines are kept. A device id twice in the file: the later line is the error.
 */
public final class ClientsCsv {

    /** A device to register: id and the token's SHA-256 (lower-case hex). */
    public record Client(int line, LegacyDeviceId deviceId, String tokenSha256) {
    }

    /**
     * Why a line was not taken: the refusal as a type, the text for people.
     *
     * @param deviceId the line's device id as written, or null if the line has none
     */
    public record LineError(int line, String deviceId, ImportRefusal refusal, String reason) {
    }

    /** A reason a line cannot be taken. */
    private record Problem(ImportRefusal refusal, String reason) {
    }

    /** The good lines and the errors, each in file order. */
    public record Result(List<Client> clients, List<LineError> errors) {
        public Result {
            clients = List.copyOf(clients);
            errors = List.copyOf(errors);
        }
    }

    private record Columns(int deviceId, int token) {
    }

    private ClientsCsv() {
    }

    public static Result parse(String text) {
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        List<Client> clients = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        char separator = 0;
        Columns columns = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            if (separator == 0) {
                separator = separatorOf(lines[i]);
            }
            List<String> fields;
            try {
                fields = split(lines[i], separator);
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(lineNo, null, ImportRefusal.LINE_FORMAT, e.getMessage()));
                continue;
            }
            if (columns == null) {
                columns = header(fields);
                if (columns != null) {
                    continue;
                }
                if (fields.stream().anyMatch(f -> f.equalsIgnoreCase("token") || f.equalsIgnoreCase("device_id"))) {
                    errors.add(new LineError(lineNo, null, ImportRefusal.LINE_FORMAT,
                            "the header must name both a device_id and a token column"));
                    return new Result(clients, errors);
                }
                columns = fields.size() == 2 ? new Columns(0, 1) : new Columns(1, 2);
            }
            Optional<Problem> problem = problem(fields, columns, seen);
            if (problem.isPresent()) {
                String id = fields.size() > columns.deviceId() ? fields.get(columns.deviceId()) : null;
                errors.add(new LineError(lineNo, id, problem.get().refusal(), problem.get().reason()));
                continue;
            }
            LegacyDeviceId id = new LegacyDeviceId(fields.get(columns.deviceId()));
            seen.put(id.value(), lineNo);
            clients.add(new Client(lineNo, id, fields.get(columns.token()).toLowerCase(Locale.ROOT)));
        }
        return new Result(clients, errors);
    }

    /** The reason a line cannot be taken, or empty. */
    private static Optional<Problem> problem(List<String> fields, Columns c, Map<String, Integer> seen) {
        int needed = Math.max(c.deviceId(), c.token()) + 1;
        if (fields.size() < needed) {
            return problem(ImportRefusal.LINE_FORMAT, fields.size() + " column(s), need at least " + needed + " (device_id, token)");
        }
        String id = fields.get(c.deviceId());
        String token = fields.get(c.token());
        try {
            new LegacyDeviceId(id);
        } catch (InvalidInputException e) {
            return problem(ImportRefusal.DEVICE_ID_FORMAT, "device_id " + e.fieldErrors().get("deviceId"));
        }
        if (seen.containsKey(id)) {
            return problem(ImportRefusal.DUPLICATE_IN_FILE, "device_id '" + id + "' already on line " + seen.get(id));
        }
        if (token.isEmpty() || token.equalsIgnoreCase("NULL")) {
            return problem(ImportRefusal.NO_TOKEN, "device_id '" + id + "' has no token");
        }
        if (!LegacyToken.isSha256Hex(token)) {
            return problem(ImportRefusal.BAD_HASH, "token of '" + id + "' is not a SHA-256 (64 hex digits); export the"
                    + " table's hashed token column, not a token in clear");
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(ImportRefusal refusal, String reason) {
        return Optional.of(new Problem(refusal, reason));
    }

    private static Columns header(List<String> fields) {
        int id = -1;
        int token = -1;
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).toLowerCase(Locale.ROOT);
            if (name.equals("device_id") && id < 0) {
                id = i;
            } else if (name.equals("token") && token < 0) {
                token = i;
            }
        }
        return id >= 0 && token >= 0 ? new Columns(id, token) : null;
    }

    private static char separatorOf(String line) {
        long semicolons = line.chars().filter(ch -> ch == ';').count();
        long commas = line.chars().filter(ch -> ch == ',').count();
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    /** The line's fields, trimmed and unquoted; a quote left open is an error. */
    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (ch == separator) {
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else if (!(wasQuoted && Character.isWhitespace(ch))) {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is not closed on this line");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        return fields;
    }
}
