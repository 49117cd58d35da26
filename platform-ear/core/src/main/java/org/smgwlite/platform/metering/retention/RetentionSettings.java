package org.smgwlite.platform.metering.retention;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The periods of the retention, looked up by the setting names the database lists ({@code retention_target.setting}:
 * months for partitioned tables, days for aged rows; 0 or absent: keep forever), and the directory the month archives
 * go to.
 *
 * @param lookup     a setting's value, e.g. MicroProfile Config's {@code getOptionalValue(name, Integer.class)}
 * @param archiveDir where month archives are written; needed as soon as a partitioned table has a period
 */
public record RetentionSettings(Function<String, Optional<Integer>> lookup, Optional<Path> archiveDir) {

    public static final String ARCHIVE_DIR = "smgw.retention.archive-dir";

    /** Fixed periods by setting name (tests, the benchmark). */
    public static RetentionSettings of(Map<String, Integer> periods, Path archiveDir) {
        return new RetentionSettings(name -> Optional.ofNullable(periods.get(name)), Optional.ofNullable(archiveDir));
    }

    /** The period of a setting, 0 (keep forever) when it is not set. */
    public int period(String setting) {
        int value = lookup.apply(setting).orElse(0);
        if (value < 0) {
            throw new IllegalArgumentException(setting + " is " + value + ": a period is 0 (keep forever) or more");
        }
        return value;
    }

    /** The archive directory, or an exception naming the setting that asked for one. */
    public Path requireArchiveDir(String askedBy) {
        return archiveDir.orElseThrow(() -> new IllegalStateException(askedBy + " is " + period(askedBy) + " but "
                + ARCHIVE_DIR + " is not set: no month is dropped without an archive"));
    }
}
