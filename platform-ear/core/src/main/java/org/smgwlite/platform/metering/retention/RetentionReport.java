package org.smgwlite.platform.metering.retention;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What one run of the retention did: the months archived and dropped, the rows deleted from aged tables, and what
 * failed (a failed month stops its table's run: older months go first, and a later run tries again).
 */
public record RetentionReport(List<Month> retired, Map<String, Long> deletedRows, List<Failure> failures) {

    /** A month of a partitioned table archived to {@code archive} and dropped; {@code rows} of the partition itself. */
    public record Month(String table, YearMonth month, long rows, Path archive) {
    }

    /** A table whose retention failed and why (nothing of it was dropped without its archive). */
    public record Failure(String table, String what, String reason) {
    }

    public RetentionReport {
        retired = List.copyOf(retired);
        deletedRows = Map.copyOf(deletedRows);
        failures = List.copyOf(failures);
    }
}
