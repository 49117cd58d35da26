package org.smgwlite.platform.metering.report;

/** Where a tenant's month run stands. */
public enum RunStatus {
    RUNNING, DONE, FAILED
}
