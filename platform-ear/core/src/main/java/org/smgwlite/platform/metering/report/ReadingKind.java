package org.smgwlite.platform.metering.report;

/** What stands at a billing boundary slot: a true reading, a substitute value (Ersatzwert), or nothing. */
public enum ReadingKind {
    TRUE, SUBSTITUTE, MISSING
}
