package org.smgwlite.platform.metering.report;

import java.time.Instant;

/**
 * A tenant's month run: its state and progress ({@code householdsDone} of {@code householdsTotal}), who started it
 * and when, and why it failed.
 *
 * @param finishedAt null while running
 * @param failure null unless FAILED
 */
public record ReportRun(BillingMonth month, RunStatus status, int householdsTotal, int householdsDone,
                        String startedBy, Instant startedAt, Instant finishedAt, String failure) {

    /** Progress in percent, 0 until the households are counted. */
    public int percent() {
        return householdsTotal == 0 ? (status == RunStatus.DONE ? 100 : 0) : householdsDone * 100 / householdsTotal;
    }
}
