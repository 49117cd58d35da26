package org.smgwlite.platform.legacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * The layout of one ring-buffer entry, read from an upload's query: the columns in the order the firmware wrote them
 * and the entry size in bytes.
 *
 * <p>Two protocols: since the {@code fields} parameter exists the firmware lists its columns
 * ({@code fields=ts,m180[,temp][,solar][,m280]}); unknown tokens are skipped (a newer firmware may add a column an older
 * backend does not know, as the PHP backend does), a token given twice counts once at its first place. Older firmware
 * sends no {@code fields} but the flags {@code PV_included=true} and {@code 280_included=true}; its entries always hold
 * {@code ts, m180, temp}, then {@code solar} and {@code m280} if flagged. An empty {@code fields} counts as absent, as in
 * the PHP backend.
 *
 * <p>Invariant: {@code ts} and {@code m180} are present (without them no entry can become a reading), so a manifest
 * with no known token or without one of them is refused with the field {@value #PARAM} named.
 */
public record FirmwareFields(List<FirmwareField> columns) {

    /** The query parameter naming the columns. */
    public static final String PARAM = "fields";
    /** Old-protocol flag: a solar column follows {@code temp}. */
    public static final String PV_FLAG = "PV_included";
    /** Old-protocol flag: an {@code m280} column is last. */
    public static final String M280_FLAG = "280_included";

    public FirmwareFields {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new InvalidInputException(PARAM, "names no known field (known: " + known() + ")");
        }
        if (new LinkedHashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("a column appears twice: " + columns);
        }
        if (!columns.contains(FirmwareField.TS) || !columns.contains(FirmwareField.M180)) {
            throw new InvalidInputException(PARAM, "must name ts and m180, named " + tokens(columns));
        }
    }

    /**
     * The layout an upload declares: {@code fields} when given and not empty, otherwise the old flags.
     *
     * @param fields      the {@code fields} parameter or {@code null}
     * @param pvIncluded  the {@code PV_included} parameter or {@code null}; only {@code "true"} sets it
     * @param m280Included the {@code 280_included} parameter or {@code null}; only {@code "true"} sets it
     */
    public static FirmwareFields fromQuery(String fields, String pvIncluded, String m280Included) {
        if (fields != null && !fields.isEmpty()) {
            return parse(fields);
        }
        List<FirmwareField> old = new ArrayList<>(List.of(FirmwareField.TS, FirmwareField.M180, FirmwareField.TEMP));
        if ("true".equals(pvIncluded)) {
            old.add(FirmwareField.SOLAR);
        }
        if ("true".equals(m280Included)) {
            old.add(FirmwareField.M280);
        }
        return new FirmwareFields(old);
    }

    /** The columns a {@code fields} value names, unknown tokens skipped, blanks around a token trimmed. */
    public static FirmwareFields parse(String fields) {
        Set<FirmwareField> named = new LinkedHashSet<>();
        for (String token : fields.split(",", -1)) {
            FirmwareField.ofToken(token.trim()).ifPresent(named::add);
        }
        return new FirmwareFields(new ArrayList<>(named));
    }

    /** Bytes per entry. */
    public int entrySize() {
        return columns.size() * FirmwareField.BYTES;
    }

    /** Byte offset of {@code field} inside an entry, or -1 if the entry does not hold it. */
    public int offsetOf(FirmwareField field) {
        int i = columns.indexOf(field);
        return i < 0 ? -1 : i * FirmwareField.BYTES;
    }

    /** The columns as the firmware names them, e.g. {@code ts,m180,temp}. */
    public String tokens() {
        return tokens(columns);
    }

    private static String tokens(List<FirmwareField> columns) {
        return columns.stream().map(FirmwareField::token).collect(Collectors.joining(","));
    }

    private static String known() {
        return tokens(List.of(FirmwareField.values()));
    }
}
