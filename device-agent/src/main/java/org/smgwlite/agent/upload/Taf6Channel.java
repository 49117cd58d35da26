package org.smgwlite.agent.upload;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.smgwlite.metering.contract.Taf6Order;

/** The device port's TAF 6 calls, as the {@link Taf6Poller} needs them; an {@link IOException} means "try again later". */
public interface Taf6Channel {

    /**
     * The gateway's open TAF 6 requests; waits on the platform up to {@code wait} for a new one (long poll) and
     * returns an empty list if none came.
     */
    List<Taf6Order> poll(Duration wait) throws IOException, InterruptedException;

    /** Tells the platform that request {@code id} cannot be answered, and why (e.g. no meter reading yet). */
    void failed(long id, String reason) throws IOException, InterruptedException;
}
