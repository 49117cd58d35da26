package org.smgwlite.platform.cluster;

/**
 * What a job's run came to, as stored with its slot: {@link JobOutcome#DONE} or {@link JobOutcome#FAILED} (a part of it
 * failed, e.g. one tenant's substitute values) and a one-line detail for the operators' list (at most 500 characters).
 */
public record JobResult(JobOutcome outcome, String detail) {

    private static final int MAX_DETAIL = 500;

    public JobResult {
        if (outcome == null) {
            throw new IllegalArgumentException("a job result needs an outcome");
        }
        String line = detail == null ? "" : detail.replaceAll("\\p{Cntrl}", " ").strip();
        detail = line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL - 1) + "…";
    }

    public static JobResult done(String detail) {
        return new JobResult(JobOutcome.DONE, detail);
    }

    public static JobResult failed(String detail) {
        return new JobResult(JobOutcome.FAILED, detail);
    }

    /** {@code DONE} when nothing failed, else {@code FAILED}; {@code detail} either way. */
    public static JobResult of(boolean anyFailed, String detail) {
        return anyFailed ? failed(detail) : done(detail);
    }
}
