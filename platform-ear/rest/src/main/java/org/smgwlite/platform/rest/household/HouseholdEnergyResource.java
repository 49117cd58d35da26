package org.smgwlite.platform.rest.household;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.DailyEnergy;
import org.smgwlite.platform.metering.query.EnergyTotal;
import org.smgwlite.platform.metering.query.HighResolution;
import org.smgwlite.platform.metering.query.HighResolutionSeries;
import org.smgwlite.platform.metering.query.LatestReading;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.InputIds;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * A household's energy per day and its newest readings, the same {@link LoadCurveService} calls the household page
 * makes: {@code GET /api/tenants/<tenant>/households/<id>/energy?span=WEEK&date=2026-11-30} (without {@code date} the
 * period the page opens on: the one holding the last complete day), {@code .../latest-readings} and
 * {@code .../high-resolution?date=2026-11-30} (the day view's thin lines of SMGW.Lite readings between the quarter hours). An operator of
 * the tenant (or a platform administrator) reads every household of it, a household user only its own; any other
 * household is 404, like a missing one.
 */
@Path("tenants/{tenant}/households/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdEnergyResource {

    @Inject
    LoadCurveService curves;

    @Inject
    Callers callers;

    @PathParam("tenant")
    String tenantParam;

    @PathParam("id")
    long householdId;

    public record DayView(LocalDate date, BigDecimal importWh, BigDecimal exportWh, int intervals, int due, int gaps) {
        static List<DayView> of(List<EnergyTotal> days) {
            return days.stream()
                    .map(d -> new DayView(d.start(), d.importWh(), d.exportWh(), d.intervals(), d.due(), d.gaps()))
                    .toList();
        }
    }

    /** {@code to} and {@code previousTo} are exclusive. */
    public record EnergyView(LocalDate from, LocalDate to, List<DayView> days,
                             LocalDate previousFrom, LocalDate previousTo, List<DayView> previousDays) {
    }

    public record LatestReadingView(String obis, BigDecimal value, String unit, Instant slotStart, Instant receivedAt) {
    }

    @GET
    @Path("energy")
    public EnergyView energy(@QueryParam("span") String spanParam, @QueryParam("date") String dateParam) {
        TenantId tenant = tenant();
        Viewer viewer = viewer(tenant);
        CurveRange.Span span = span(spanParam);
        CurveRange range = dateParam == null
                ? curves.openingRange(tenant, viewer, householdId, span)
                : CurveRange.around(date(dateParam), span, CurveRange.BERLIN);
        DailyEnergy energy = curves.dailyEnergy(tenant, viewer, householdId, range);
        return new EnergyView(range.first(), range.endExclusive(), DayView.of(energy.days()),
                energy.previousRange().first(), energy.previousRange().endExclusive(), DayView.of(energy.previousDays()));
    }

    /** A step of a fine line: mean power {@code w} (to the mW) from {@code from} to {@code to}, {@code wh} exact. */
    public record StepView(Instant from, Instant to, BigDecimal wh, BigDecimal w) {
    }

    /** One register's fine line: its high-resolution readings in the day, and the steps (at most {@code maxPoints}). */
    public record FineLineView(String obis, int readings, int maxPoints, List<StepView> steps) {
        static FineLineView of(HighResolutionSeries s) {
            return new FineLineView(s.register().obis(), s.readings(), s.maxPoints(), s.steps().stream()
                    .map(p -> new StepView(p.from(), p.to(), p.energyWh(), p.watts())).toList());
        }
    }

    /** The day view's fine lines ({@code to} exclusive): import first, then export; steps empty without such readings. */
    public record HighResolutionView(LocalDate date, Instant from, Instant to, List<FineLineView> registers) {
    }

    /**
     * The SMGW.Lite readings between the quarter hours of one local day as the day view's thin lines:
     * {@code .../high-resolution?date=2026-11-30} (without {@code date} the day the page opens on).
     */
    @GET
    @Path("high-resolution")
    public HighResolutionView highResolution(@QueryParam("date") String dateParam) {
        TenantId tenant = tenant();
        Viewer viewer = viewer(tenant);
        CurveRange day = dateParam == null
                ? curves.openingRange(tenant, viewer, householdId, CurveRange.Span.DAY)
                : CurveRange.around(date(dateParam), CurveRange.Span.DAY, CurveRange.BERLIN);
        HighResolution fine = curves.highResolution(tenant, viewer, householdId, day);
        return new HighResolutionView(day.first(), day.from(), day.to(),
                List.of(FineLineView.of(fine.imports()), FineLineView.of(fine.exports())));
    }

    @GET
    @Path("latest-readings")
    public List<LatestReadingView> latestReadings() {
        TenantId tenant = tenant();
        return curves.latestReadings(tenant, viewer(tenant), householdId).stream()
                .map(HouseholdEnergyResource::view)
                .toList();
    }

    private static LatestReadingView view(LatestReading r) {
        return new LatestReadingView(r.obis(), r.value(), r.unit(), r.slotStart(), r.receivedAt());
    }

    private TenantId tenant() {
        return InputIds.tenant(tenantParam);
    }

    /** An operator or platform administrator sees the tenant's households; a household user only its own. */
    private Viewer viewer(TenantId tenant) {
        return callers.householdViewer(tenant);
    }

    static CurveRange.Span span(String value) {
        if (value == null || value.isBlank()) {
            return CurveRange.Span.WEEK;
        }
        try {
            return CurveRange.Span.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("span", "must be DAY, WEEK, MONTH or YEAR, was '" + value + "'");
        }
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "must be an ISO date like 2026-11-30, was '" + value + "'");
        }
    }
}
