package org.smgwlite.platform.metering.mscons;

import java.util.List;

/** An interchange as read back: its parties and control reference, and every series of every message in order. */
public record MsconsInterchange(MsconsParties parties, String reference, List<MeteringPointSeries> series) {

    public MsconsInterchange {
        series = List.copyOf(series);
    }
}
