package org.smgwlite.admin.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalFormatsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private final LocalFormats german = new LocalFormats(Locale.GERMANY);
    private final LocalFormats us = new LocalFormats(Locale.US);

    @Test
    void dates_are_written_as_the_locale_writes_them_with_four_digit_years() {
        assertThat(german.date(DAY)).isEqualTo("30.11.2026");
        assertThat(us.date(DAY)).isEqualTo("11/30/2026");
        assertThat(german.datePattern()).isEqualTo("dd.MM.yyyy");
        assertThat(us.datePattern()).isEqualTo("M/d/yyyy");
        assertThat(german.dayWithWeekday(DAY)).isEqualTo("Mo., 30.11.2026");
        assertThat(us.dayWithWeekday(DAY)).isEqualTo("Mon, 11/30/2026");
        assertThat(german.month(YearMonth.of(2026, 3))).isEqualTo("März 2026");
    }

    @Test
    void energy_in_kwh_uses_the_locales_separators_exact_to_the_wh() {
        assertThat(german.kwh(new BigDecimal("1234500"))).isEqualTo("1.234,5");
        assertThat(us.kwh(new BigDecimal("1234500"))).isEqualTo("1,234.5");
        assertThat(german.kwh(new BigDecimal("12.5"))).as("half a Wh rounds up").isEqualTo("0,013");
        assertThat(us.kwh(BigDecimal.ZERO)).isEqualTo("0.0");
        assertThat(german.exact(new BigDecimal("12345.6789"))).isEqualTo("12.345,6789");
        assertThat(us.exact(new BigDecimal("1.2E+4"))).isEqualTo("12,000");
    }

    @Test
    void times_and_the_first_day_of_the_week_follow_the_locale() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var at = ZonedDateTime.of(2026, 11, 30, 0, 15, 0, 0, berlin).toInstant();
        assertThat(german.dateTime(at, berlin)).isEqualTo("30.11.2026 00:15");
        assertThat(us.dateTime(at, berlin)).matches("11/30/2026 12:15\\sAM");
        assertThat(german.firstDayOfWeek()).isEqualTo(1);
        assertThat(us.firstDayOfWeek()).isZero();
    }

    @Test
    void a_page_takes_the_browsers_first_english_or_german_locale_as_sent() {
        assertThat(UiLocales.pick(List.of(Locale.FRANCE, new Locale("de", "AT"), Locale.US)))
                .isEqualTo(new Locale("de", "AT"));
        assertThat(UiLocales.pick(List.of(Locale.UK))).isEqualTo(Locale.UK);
        assertThat(UiLocales.pick(List.of(Locale.JAPAN))).isEqualTo(Locale.US);
        assertThat(UiLocales.pick(List.of())).isEqualTo(Locale.US);
    }
}
