package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirmwareReportTest {

    @Test
    void a_current_upload_query_reports_the_device() {
        Map<String, String> q = new HashMap<>(Map.of("ID", "AB4", "chipTemp", "47.3", "uptime", "1440", "time", "11:02:07",
                "fields", "ts,m180,m280", "heap", "181234", "transmittedValues", "12", "IP", "23", "fw", "1.4.3",
                "hw", "esp32c3"));
        FirmwareReport r = FirmwareReport.of(q);
        assertThat(r.firmware()).hasValue("1.4.3");
        assertThat(r.target()).hasValue("esp32c3");
        assertThat(r.ipLastOctet()).hasValue(23);
        assertThat(r.chipTemperature()).hasValue("47.3");
        assertThat(r.uptimeMinutes()).hasValue(1440);
        assertThat(r.freeHeap()).hasValue(181_234);
        assertThat(r.announcedValues()).hasValue(12);
        assertThat(r.meterModel()).isEmpty();
    }

    @Test
    void the_log_query_reports_model_config_and_serial_and_bad_items_stay_empty() {
        FirmwareReport r = FirmwareReport.of(Map.of("model", "EBZ DD3\u0007 2R06", "cfg", "2906", "serial", "9600 8N1",
                "IP", "-1", "fw", "1.4.3; DROP", "uptime", "12x"));
        assertThat(r.meterModel()).hasValue("EBZ DD3 2R06");
        assertThat(r.config()).hasValue("2906");
        assertThat(r.serial()).hasValue("9600 8N1");
        assertThat(r.ipLastOctet()).as("the firmware sends -1 before WiFi is up").isEmpty();
        assertThat(r.firmware()).isEmpty();
        assertThat(r.uptimeMinutes()).isEmpty();
        assertThat(FirmwareReport.of(Map.of("model", "x".repeat(80))).meterModel().orElseThrow()).hasSize(64);
    }
}
