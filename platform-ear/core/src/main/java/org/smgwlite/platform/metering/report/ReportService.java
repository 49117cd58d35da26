package org.smgwlite.platform.metering.report;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.shared.PageRequest;
import org.smgwlite.platform.tariff.TariffService;

/**
 * The TAF month reports: a household's month live (TAF 7, TAF 1, TAF 2 from its curve with substitute values), and
 * the tenant's month run, calculated in the background and stored for the overview (worst completeness first).
 * Visibility is {@link LoadCurveService}'s: a household user sees only their own household, anything else is not
 * found. A month that has not begun is refused (field {@code month}).
 */
@Stateless
public class ReportService {

    @Inject
    LoadCurveService curves;

    @Inject
    HouseholdService households;

    @Inject
    TariffService tariffs;

    @Inject
    ReportRunStore runs;

    @Inject
    MonthRunWorker worker;

    @Inject
    TenantJdbc jdbc;

    /** Household {@code householdId}'s month, calculated now from its stored readings and substitute values. */
    public HouseholdMonthReport household(TenantId tenant, Viewer viewer, long householdId, BillingMonth month) {
        month.requireBegun(Instant.now());
        LoadCurve curve = curves.curve(tenant, viewer, householdId, month.range()); // the visibility rule
        Household household = households.get(tenant, householdId);
        ZoneGrid grid = ZoneGrid.of(tariffs.calendarOf(tenant, householdId), ZoneGrid.localStarts(month));
        return HouseholdMonthReport.of(householdId, household.name(), household.messlokationId(), month, curve, grid);
    }

    /**
     * Starts the month run of every household of {@code tenant} in the background and returns its state; when one is
     * running for the month already, that one.
     */
    public ReportRun start(TenantId tenant, String actor, BillingMonth month) {
        month.requireBegun(Instant.now());
        if (runs.claim(tenant, month, actor)) {
            worker.run(tenant, month);
        }
        return run(tenant, month).orElseThrow(() -> new IllegalStateException("the month run " + month
                + " of tenant " + tenant.value() + " was claimed but is not stored"));
    }

    /** The latest run of the month, if any. */
    public Optional<ReportRun> run(TenantId tenant, BillingMonth month) {
        return jdbc.run(tenant, "reading the month run " + month, (c, em) -> ReportRunRows.get(c, tenant, month));
    }

    /** How many overview rows (household registers) of the month's latest results match {@code search}. */
    public long count(TenantId tenant, BillingMonth month, String search) {
        return jdbc.run(tenant, "counting the month reports " + month,
                (c, em) -> MonthReportRows.count(c, tenant, month, search));
    }

    /**
     * A page of the month's stored results, worst completeness first; {@code search} is a prefix of the household's
     * name (any case) or Messlokation.
     */
    public List<MonthOverviewRow> page(TenantId tenant, BillingMonth month, String search, PageRequest page) {
        return jdbc.run(tenant, "reading the month reports " + month,
                (c, em) -> MonthReportRows.page(c, tenant, month, search, page));
    }

    /** The stored results of one household's month (empty until a run covered it), for an operator. */
    public List<MonthOverviewRow> stored(TenantId tenant, long householdId, BillingMonth month) {
        return jdbc.run(tenant, "reading the month report of household " + householdId,
                (c, em) -> MonthReportRows.household(c, tenant, month, householdId));
    }
}
