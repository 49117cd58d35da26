package org.smgwlite.platform.legacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smgwlite.platform.metering.IngestionReport;

/**
 * The short text of {@code legacy_upload.rejections}: for a 200 the first rejected values by their body line and
 * reason ({@code "line 2 BEFORE_2020, line 3 IN_FUTURE"}), grouped by reason once there are many, plus the entries
 * skipped for 1.8.0 = 0; for a 400 / 413 the refusal's reason. Never longer than {@link #MAX_CHARS}.
 */
public final class UploadLogText {

    /** The column's width (V20). */
    public static final int MAX_CHARS = 300;

    private static final int LINES_NAMED = 5;

    private UploadLogText() {
    }

    /** Null when nothing was rejected or skipped. */
    public static String rejections(List<IngestionReport.Reject> rejects, int skipped) {
        StringBuilder text = new StringBuilder();
        if (rejects.size() <= LINES_NAMED) {
            rejects.forEach(r -> append(text, "line " + r.line() + " " + r.reason()));
        } else {
            Map<String, Integer> byReason = new LinkedHashMap<>();
            rejects.forEach(r -> byReason.merge(r.reason().name(), 1, Integer::sum));
            byReason.forEach((reason, n) -> append(text, reason + " ×" + n));
            append(text, "first on line " + rejects.stream().mapToInt(IngestionReport.Reject::line).min().orElse(0));
        }
        if (skipped > 0) {
            append(text, skipped + " entr" + (skipped == 1 ? "y" : "ies") + " with 1.8.0 = 0 skipped");
        }
        return text.isEmpty() ? null : cut(text.toString());
    }

    /** A refusal's reason as the column holds it. */
    public static String refusal(String reason) {
        return cut(reason == null ? "" : reason);
    }

    private static void append(StringBuilder text, String part) {
        text.append(text.isEmpty() ? "" : ", ").append(part);
    }

    private static String cut(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS - 1) + "…";
    }
}
