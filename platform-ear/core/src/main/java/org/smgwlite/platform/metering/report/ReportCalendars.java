package org.smgwlite.platform.metering.report;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.tariff.TariffCalendar;
import org.smgwlite.platform.tariff.TariffService;

/**
 * The households' tariff calendars for TAF 2, from the tariff profiles (package {@code org.smgwlite.platform.tariff}).
 * The one place the reports ask for them.
 */
@Stateless
public class ReportCalendars {

    @Inject
    TariffService tariffs;

    /** The calendars of {@code householdIds}; a household without a profile has one without zones. */
    public Map<Long, TariffCalendar> of(TenantId tenant, Collection<Long> householdIds) {
        return tariffs.calendarsOf(tenant, householdIds);
    }

    /** The calendar of one household, or null when it has no tariff profile (its TAF 2 is then not reported). */
    public TariffCalendar one(TenantId tenant, long householdId) {
        TariffCalendar calendar = tariffs.calendarOf(tenant, householdId);
        return calendar.zones().isEmpty() ? null : calendar;
    }
}
