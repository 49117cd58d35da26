package org.smgwlite.platform.metering.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class MonthExportZipTest {

    @Test
    void the_zip_holds_one_csv_per_household_named_by_messlokation_and_the_tenant_interchange() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> progress = new ArrayList<>();
        MonthExportZip.write(bytes, BillingMonth.of(2026, 10),
                List.of(new MonthExportZip.Entry(7, "DE0000000000000000000000000000007"),
                        new MonthExportZip.Entry(9, "DE0000000000000000000000000000009")),
                (id, out) -> out.write(("household " + id + "\n").getBytes(StandardCharsets.UTF_8)),
                out -> out.write("UNA:+.? '".getBytes(StandardCharsets.UTF_8)), progress::add);

        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsExactly(
                Map.entry("2026-10/csv/DE0000000000000000000000000000007.csv", "household 7\n"),
                Map.entry("2026-10/csv/DE0000000000000000000000000000009.csv", "household 9\n"),
                Map.entry("2026-10/mscons-2026-10.edi", "UNA:+.? '"));
        assertThat(progress).containsExactly(33, 66, 100);
    }
}
