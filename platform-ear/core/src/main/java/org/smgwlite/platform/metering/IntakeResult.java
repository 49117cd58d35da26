package org.smgwlite.platform.metering;

/**
 * What an unsigned upload became ({@link ReadingIntake#acceptUnsigned}): the rule's report for the quarter-hour values
 * (rejects of high-resolution readings included) and the high-resolution readings stored now and found stored already.
 */
public record IntakeResult(IngestionReport report, int highResolution, int highResolutionDuplicates) {
}
