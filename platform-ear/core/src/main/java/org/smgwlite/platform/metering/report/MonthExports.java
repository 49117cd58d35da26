package org.smgwlite.platform.metering.report;

import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.mscons.MsconsExport;
import org.smgwlite.platform.metering.query.CsvExport;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.shared.PageRequest;

/**
 * A month's downloads for operators: one household's CSV, and every household's as a zip made in the background
 * ({@link MonthExportZip}) into a temporary file the UI offers when done. No transaction of its own: each household's
 * export reads in its own, so a tenant of 10,000 households never holds one open for the whole zip.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonthExports {

    private static final int PAGE = 500;

    @Inject
    CsvExport csv;

    @Inject
    HouseholdService households;

    @Inject
    MsconsExport mscons;

    /** Household {@code householdId}'s month as an MSCONS interchange into {@code out} (gaps left out). */
    public void householdMscons(TenantId tenant, Viewer viewer, long householdId, BillingMonth month,
                                OutputStream out) {
        mscons.household(tenant, viewer, householdId, month.range(), out);
    }

    /** Household {@code householdId}'s month as CSV (the load curve export's columns) into {@code out}. */
    public void householdCsv(TenantId tenant, Viewer viewer, long householdId, BillingMonth month, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write(tenant, viewer, householdId, month.range(), writer, percent -> { });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the CSV of household " + householdId + " failed", e);
        }
    }

    /** Every household's month in a zip, written to a new temporary file in the background; the caller deletes it. */
    @Asynchronous
    public Future<Path> zipToTempFile(TenantId tenant, String actor, BillingMonth month, IntConsumer progressPercent) {
        Viewer viewer = Viewer.operator(actor);
        try {
            Path file = Files.createTempFile("smgw-month-" + tenant.value() + "-" + month + "-", ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
                MonthExportZip.write(out, month, entries(tenant),
                        (id, o) -> householdCsv(tenant, viewer, id, month, o),
                        o -> mscons.tenant(tenant, actor, month.range(), o), progressPercent);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new AsyncResult<>(file);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the month zip " + month + " of tenant " + tenant.value()
                    + " failed", e);
        }
    }

    private List<MonthExportZip.Entry> entries(TenantId tenant) {
        List<MonthExportZip.Entry> entries = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<Household> page = households.page(tenant, "", new PageRequest(offset, PAGE));
            page.forEach(h -> entries.add(new MonthExportZip.Entry(h.id(), h.messlokationId())));
            if (page.size() < PAGE) {
                return entries;
            }
        }
    }
}
