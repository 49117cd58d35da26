package org.smgwlite.platform.cluster;

/** How a finished run ended; a run that is not finished has none yet. */
public enum JobOutcome {
    DONE, FAILED
}
