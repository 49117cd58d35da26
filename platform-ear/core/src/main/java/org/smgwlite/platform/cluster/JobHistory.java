package org.smgwlite.platform.cluster;

import org.eclipse.microprofile.config.Config;

/**
 * How many days the finished runs of the jobs stay in {@code cluster_job_run}: the setting {@value #SETTING}, default
 * {@value #DEFAULT_DAYS}, 0 keeps them forever; anything else below {@value #MIN_DAYS} is refused.
 *
 * <p>Why deleting a finished run does not let its slot run again: a slot runs again only if a timer claims it once
 * more, and every job's timers claim only the slot of what they run for now, never an old one
 * ({@link JobSlots}). The run's row is deleted by the time it <em>ended</em> ({@code finished_at}, the database's
 * clock), and the longest any job's ticks go on naming a slot after a run of it ended is under two days:
 * <ul>
 * <li>daily jobs ({@code reading-partitions}, {@code retention}, {@code demo-data}: the UTC day;
 * {@code substitute-values}: the Berlin day): their catch-up ticks name the slot only during that day, at most 25
 * hours from the slot's start, and no run of the day ends before the day started;</li>
 * <li>{@code month-run}: its slot is the previous month, named only by the ticks of the 2nd (05:17 to 23:17 Berlin),
 * and its run ends on that 2nd;</li>
 * <li>quarter-hour jobs ({@code taf6-expiry}, {@code attempt-failure-sweep}): the quarter hour;</li>
 * <li>{@code job-history} itself: the UTC day; its own run is not finished while it deletes, so it never deletes
 * itself.</li>
 * </ul>
 * The floor of {@value #MIN_DAYS} days leaves a wide margin over those two days: a node whose clock is off by less
 * than a month still names no slot whose run is gone, and the operators' list ({@code GET /api/platform/jobs}) always
 * holds the last month-run and a whole month of every other job. A new job whose timers name older slots (a catch-up
 * of last week, say) must keep its slots' runs that long: check it against this list.
 *
 * @param days 0 (keep forever) or at least {@value #MIN_DAYS}
 */
public record JobHistory(int days) {

    public static final String SETTING = "smgw.cluster.job-history-days";
    public static final int DEFAULT_DAYS = 90;
    public static final int MIN_DAYS = 35;

    public JobHistory {
        if (days < 0 || days > 0 && days < MIN_DAYS) {
            throw new IllegalArgumentException(SETTING + " is " + days + ": it is 0 (keep the jobs' runs forever) or at least "
                    + MIN_DAYS + " days (the month run's slot and a month of every job stay listed)");
        }
    }

    /** From MicroProfile Config; a value out of range is refused with the message above. */
    public static JobHistory from(Config config) {
        return new JobHistory(config.getOptionalValue(SETTING, Integer.class).orElse(DEFAULT_DAYS));
    }

    public boolean keepsForever() {
        return days == 0;
    }
}
