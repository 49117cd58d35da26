package org.smgwlite.platform.metering.report;

import jakarta.ejb.Stateless;
import java.util.Collection;
import java.util.Map;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.tariff.TariffCalendar;

/**
 * The households' tariff calendars for TAF 2, from the tariff profiles (package {@code org.smgwlite.platform.tariff}).
 * The one place the reports ask for them.
 */
@Stateless
public class ReportCalendars {

    // TODO(lead, merging i14-tariff): inject TariffService and delegate:
    //   @Inject TariffService tariffs;
    //   of(...)  -> return tariffs.calendarsOf(tenant, householdIds);
    //   one(...) -> TariffCalendar c = tariffs.calendarOf(tenant, householdId); return c.zones().isEmpty() ? null : c;
    // Until then no household has a profile: TAF 2 is reported as "no tariff profile".

    /** The calendars of {@code householdIds}; a household without a profile may be missing. */
    public Map<Long, TariffCalendar> of(TenantId tenant, Collection<Long> householdIds) {
        return Map.of();
    }

    /** The calendar of one household, or null when it has no tariff profile. */
    public TariffCalendar one(TenantId tenant, long householdId) {
        return null;
    }
}
