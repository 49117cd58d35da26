package org.smgwlite.platform.metering.report;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import org.smgwlite.platform.tariff.TariffCalendar;

/** The demo tariff by hand: HT Mon-Fri 06:00-22:00, NT otherwise. */
final class HtNtCalendar implements TariffCalendar {

    @Override
    public List<String> zones() {
        return List.of("HT", "NT");
    }

    @Override
    public int zoneOf(LocalDateTime start) {
        boolean weekday = start.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
        return weekday && start.getHour() >= 6 && start.getHour() < 22 ? 0 : 1;
    }

    @Override
    public String profileName() {
        return "HT/NT";
    }
}
