package org.smgwlite.platform.rest.readings;

import jakarta.ws.rs.QueryParam;

/**
 * The query parameters both readings endpoints take: {@code from} and {@code to} (local dates, both inclusive:
 * {@link ReadingsPeriod}), {@code format} ({@link ReadingsFormat}) and, for MSCONS, {@code recipient} (13-digit
 * market partner id of the NAD+MR party; default the placeholder of {@link org.smgwlite.platform.metering.mscons.MsconsParties}).
 */
public class ReadingsQuery {

    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("format")
    String format;
    @QueryParam("recipient")
    String recipient;
}
