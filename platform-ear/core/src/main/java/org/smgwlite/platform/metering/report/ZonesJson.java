package org.smgwlite.platform.metering.report;

import java.util.List;

/**
 * TAF 2 zones as stored in {@code taf_month_report.zones} (V17): {@code [{"zone":"HT","wh":"123.4"}, ...]}, the energy
 * as a string so that no JSON number rounds it. Read back in SQL ({@code jsonb_array_elements}), never parsed here.
 */
final class ZonesJson {

    private ZonesJson() {
    }

    static String of(List<ZoneEnergy> zones) {
        StringBuilder json = new StringBuilder("[");
        for (ZoneEnergy z : zones) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"zone\":");
            string(json, z.zone());
            json.append(",\"wh\":\"").append(z.energyWh().toPlainString()).append("\"}");
        }
        return json.append(']').toString();
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                json.append('\\').append(ch);
            } else if (ch < 0x20) {
                json.append(String.format("\\u%04x", (int) ch));
            } else {
                json.append(ch);
            }
        }
        json.append('"');
    }
}
