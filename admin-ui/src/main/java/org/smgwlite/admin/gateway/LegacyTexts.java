package org.smgwlite.admin.gateway;

import org.smgwlite.admin.i18n.LocalFormats;
import org.smgwlite.platform.legacy.LegacyEvent;
import org.smgwlite.platform.legacy.LegacyGatewayView;
import org.smgwlite.platform.legacy.LegacyUpload;

/** The texts of an SMGW.Lite gateway's cells, apart from the view so a unit test reads them without a UI. */
final class LegacyTexts {

    private LegacyTexts() {
    }

    /** "received / inserted / rejected" of the last upload, or empty before the first one. */
    static String counts(LegacyGatewayView g, LocalFormats formats, AgentStatusText.Text messages) {
        if (g.lastReceived() == null) {
            return "";
        }
        return messages.apply("legacy.counts", formats.integer(g.lastReceived()),
                formats.integer(nullAsZero(g.lastInserted())), formats.integer(nullAsZero(g.lastRejected())));
    }

    /** An upload's counts: "received / inserted / duplicates / rejected / high resolution". */
    static String uploadCounts(LegacyUpload u, LocalFormats formats, AgentStatusText.Text messages) {
        return messages.apply("legacy.upload.counts.value", formats.integer(u.received()), formats.integer(u.inserted()),
                formats.integer(u.duplicates()), formats.integer(u.rejected()), formats.integer(u.highResolution()));
    }

    /** The status code with its name, e.g. "1028 first NTP time sync". */
    static String status(LegacyEvent e) {
        return e.code() + " " + e.meaning();
    }

    /** The firmware's uptime in ms as seconds with the milliseconds, e.g. "6.000 s" (exact, no rounding). */
    static String uptime(LegacyEvent e) {
        return e.uptimeMs() / 1000 + "." + String.format(java.util.Locale.ROOT, "%03d", e.uptimeMs() % 1000) + " s";
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int nullAsZero(Integer i) {
        return i == null ? 0 : i;
    }
}
