package org.smgwlite.platform.metering;

/**
 * A gateway's newest stored Eichlog entry: what a gateway whose journal was lost chains its closing
 * {@code EICHLOG_RESET} entry to, and what {@link EichlogCheck} compares a batch's first entry with.
 *
 * @param n    the entry's number in its chain
 * @param hash its SHA-256 (lower hex)
 * @param type its event type, e.g. {@code EICHLOG_RESET}
 */
public record EichlogHead(long n, String hash, String type) {
}
