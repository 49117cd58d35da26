package org.smgwlite.admin.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Locale;

/**
 * Dates and numbers as a user of {@code locale} writes them: 30.11.2026 and 1.234,5 kWh in German, 11/30/2026 and
 * 1,234.5 kWh in US English. The date is the locale's short pattern with a four-digit year (a meter's data spans
 * decades); energy is exact to the Wh (at most three decimals of kWh), rounded half up, with at least one decimal.
 */
public final class LocalFormats {

    private final Locale locale;
    private final String datePattern;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;

    public LocalFormats(Locale locale) {
        this.locale = locale;
        String shortPattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        this.datePattern = shortPattern.contains("yyyy") ? shortPattern : shortPattern.replace("yy", "yyyy")
                .replaceAll("(?<!y)y(?!y)", "yyyy");
        this.date = DateTimeFormatter.ofPattern(datePattern, locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The date pattern, also for the date picker (its tokens d, M, y are the same). */
    public String datePattern() {
        return datePattern;
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    /** A day with its short weekday, for the days of a week: "Mo., 30.11.2026", "Mon, 11/30/2026". */
    public String dayWithWeekday(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + ", " + date(day);
    }

    public String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
    }

    /** Date and time in {@code zone}: "30.11.2026 00:15", "11/30/2026 12:15 AM". */
    public String dateTime(Instant at, ZoneId zone) {
        return date.format(at.atZone(zone)) + " " + time.format(at.atZone(zone));
    }

    /** Energy given in Wh, shown in kWh: 1234500 Wh is "1.234,5" (de) or "1,234.5" (en). */
    public String kwh(BigDecimal wh) {
        return number(wh.movePointLeft(3), 1, 3);
    }

    /** A register value as the meter reported it, with all its decimals. */
    public String exact(BigDecimal value) {
        return number(value, 0, Math.max(0, value.stripTrailingZeros().scale()));
    }

    public String integer(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** 1 for Monday (ISO and German), 0 for Sunday (US), as the date picker counts. */
    public int firstDayOfWeek() {
        return WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7;
    }

    private String number(BigDecimal value, int minDecimals, int maxDecimals) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
