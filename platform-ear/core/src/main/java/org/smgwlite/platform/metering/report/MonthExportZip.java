package org.smgwlite.platform.metering.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A month's files of every household in one zip: {@code <month>/csv/<Messlokation>.csv} per household and
 * {@code <month>/mscons-<month>.edi}, one MSCONS interchange of the whole tenant. The writers are passed in (the CSV
 * export, the MSCONS export), so the zip's layout is one rule a unit test can call without a container.
 */
public final class MonthExportZip {

    /** Writes one household's file; must not close {@code out}. */
    @FunctionalInterface
    public interface HouseholdWriter {
        void write(long householdId, OutputStream out) throws IOException;
    }

    /** Writes the tenant's interchange; must not close {@code out}. */
    @FunctionalInterface
    public interface TenantWriter {
        void write(OutputStream out) throws IOException;
    }

    /** A household in the zip: its id and the Messlokation that names its file. */
    public record Entry(long householdId, String messlokationId) {
    }

    private MonthExportZip() {
    }

    /**
     * Writes the zip to {@code out}; {@code progress} gets percent after each household (the MSCONS interchange counts
     * as the last step). {@code mscons} null leaves the interchange out.
     */
    public static void write(OutputStream out, BillingMonth month, List<Entry> households, HouseholdWriter csv,
                             TenantWriter mscons, IntConsumer progress) throws IOException {
        int steps = households.size() + (mscons == null ? 0 : 1);
        ZipOutputStream zip = new ZipOutputStream(out);
        OutputStream entry = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() {
                // the zip's entries are closed by the zip
            }
        };
        int done = 0;
        for (Entry h : households) {
            zip.putNextEntry(new ZipEntry(month + "/csv/" + h.messlokationId() + ".csv"));
            csv.write(h.householdId(), entry);
            entry.flush();
            zip.closeEntry();
            progress.accept(++done * 100 / Math.max(1, steps));
        }
        if (mscons != null) {
            zip.putNextEntry(new ZipEntry(month + "/mscons-" + month + ".edi"));
            mscons.write(entry);
            entry.flush();
            zip.closeEntry();
            progress.accept(100);
        }
        zip.finish();
    }
}
