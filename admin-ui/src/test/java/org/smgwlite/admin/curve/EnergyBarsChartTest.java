package org.smgwlite.admin.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EnergyBarsChartTest {

    @Test
    void the_bars_travel_as_json_with_texts_escaped_and_a_day_without_value_as_null() {
        EnergyBarsChart.Series imports = new EnergyBarsChart.Series("Bezug", "#1676f3",
                Arrays.asList(new BigDecimal("1234.5"), null), List.of("Mo., 30.11.2026 · \"Bezug\": 1.234,5 kWh", ""));

        String json = EnergyBarsChart.json("Energie pro Tag", "kWh", Locale.GERMANY,
                List.of("Mo., 30.11.2026", "Di.\\1.12."), List.of(imports));

        assertThat(json).isEqualTo("{\"title\":\"Energie pro Tag\",\"unit\":\"kWh\",\"lang\":\"de-DE\","
                + "\"labels\":[\"Mo., 30.11.2026\",\"Di.\\\\1.12.\"],"
                + "\"series\":[{\"name\":\"Bezug\",\"color\":\"#1676f3\",\"values\":[1234.5,null],"
                + "\"texts\":[\"Mo., 30.11.2026 · \\\"Bezug\\\": 1.234,5 kWh\",\"\"]}]}");
        assertThat(EnergyBarsChart.quote("a\nb")).isEqualTo("\"a\\u000ab\"");
    }
}
