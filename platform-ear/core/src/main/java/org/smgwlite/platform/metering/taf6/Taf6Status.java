package org.smgwlite.platform.metering.taf6;

/**
 * Where a TAF 6 request stands: {@code QUEUED} until the gateway picks it up, {@code DELIVERED} until its signed
 * reading arrives ({@code ANSWERED}); {@code EXPIRED} when no answer came in time (a late answer still makes it
 * {@code ANSWERED}), {@code FAILED} when the gateway said it cannot answer.
 */
public enum Taf6Status {
    QUEUED, DELIVERED, ANSWERED, EXPIRED, FAILED;

    /** Still waiting for the gateway. */
    public boolean open() {
        return this == QUEUED || this == DELIVERED;
    }
}
