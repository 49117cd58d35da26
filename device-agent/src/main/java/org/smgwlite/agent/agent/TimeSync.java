package org.smgwlite.agent.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Whether the gateway clock is synchronised; values taken while it is not carry {@code TIME_NOT_SYNCHRONISED}. */
public final class TimeSync {

    /** systemd-timesyncd creates this file once the clock is synchronised and removes it when it is not. */
    static final Path SYSTEMD_FLAG = Path.of("/run/systemd/timesync/synchronized");

    private TimeSync() {
    }

    /**
     * @param mode {@code assume} (trust the clock: development, or a clock disciplined elsewhere) or
     *             {@code systemd} (the timesyncd flag file)
     */
    public static BooleanSupplier of(String mode) {
        return switch (mode) {
            case "assume" -> () -> true;
            case "systemd" -> () -> Files.exists(SYSTEMD_FLAG);
            default -> throw new IllegalArgumentException("time.sync must be assume or systemd, was " + mode);
        };
    }
}
