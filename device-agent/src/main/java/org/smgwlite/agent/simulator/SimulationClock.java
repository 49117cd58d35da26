package org.smgwlite.agent.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that only moves when told: the simulated meter sets it to each telegram's time before handing out the
 * bytes, so the agent sees the telegram arrive exactly then. Thread-safe (volatile).
 */
public final class SimulationClock extends Clock {

    private volatile Instant now;

    public SimulationClock(Instant start) {
        this.now = start;
    }

    public void set(Instant t) {
        now = t;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulation clock is always UTC");
    }
}
