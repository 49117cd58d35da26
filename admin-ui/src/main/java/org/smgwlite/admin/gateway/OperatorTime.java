package org.smgwlite.admin.gateway;

import java.time.Instant;
import java.time.ZoneId;
import org.smgwlite.admin.i18n.LocalFormats;

/** Times on the operator's gateway pages: in the German legal time the metering runs in, in the browser's format. */
final class OperatorTime {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private OperatorTime() {
    }

    /** Date and time, or an empty cell for a moment that has not happened. */
    static String of(LocalFormats formats, Instant at) {
        return at == null ? "" : formats.dateTime(at, ZONE);
    }
}
