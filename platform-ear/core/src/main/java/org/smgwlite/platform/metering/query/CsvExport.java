package org.smgwlite.platform.metering.query;

import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.smgwlite.pki.TenantId;

/**
 * A household's curve as CSV ({@link CsvRows}), month by month so that a year never sits in
 * memory at once, with progress in percent after each month. The asynchronous variant writes a
 * temporary file for a UI to offer as download without blocking its request thread.
 */
@Stateless
public class CsvExport {

    @Inject
    LoadCurveService curves;

    public void write(TenantId tenant, Viewer viewer, long householdId, CurveRange range, Writer out,
                      IntConsumer progressPercent) {
        List<CurveRange> months = range.byMonth();
        try {
            out.write(CsvRows.HEADER);
            for (int m = 0; m < months.size(); m++) {
                CsvRows.write(curves.curve(tenant, viewer, householdId, months.get(m)), out);
                out.flush();
                progressPercent.accept((m + 1) * 100 / months.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the CSV of household " + householdId + " failed", e);
        }
    }

    /** Writes the CSV to a new temporary file in the background; the caller deletes it after use. */
    @Asynchronous
    public Future<Path> writeToTempFile(TenantId tenant, Viewer viewer, long householdId, CurveRange range,
                                        IntConsumer progressPercent) {
        try {
            Path file = Files.createTempFile("smgw-curve-" + householdId + "-", ".csv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(tenant, viewer, householdId, range, out, progressPercent);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new AsyncResult<>(file);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the CSV of household " + householdId + " failed", e);
        }
    }
}
