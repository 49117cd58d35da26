package org.smgwlite.admin.i18n;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A date picker in the page's locale: the typed and shown format is {@link LocalFormats#datePattern()} (so the field
 * matches the tables), month and weekday names and the first day of the week are the locale's.
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static void localize(DatePicker picker, LocalFormats formats) {
        picker.setLocale(formats.locale());
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setDateFormat(formats.datePattern())
                .setMonthNames(Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, formats.locale())).toList())
                .setWeekdays(weekdays(formats, TextStyle.FULL))
                .setWeekdaysShort(weekdays(formats, TextStyle.SHORT))
                .setFirstDayOfWeek(formats.firstDayOfWeek())
                .setToday(picker.getTranslation("date.today"))
                .setCancel(picker.getTranslation("date.cancel")));
    }

    /** Sunday first, as the date picker counts them. */
    private static List<String> weekdays(LocalFormats formats, TextStyle style) {
        return IntStream.range(0, 7)
                .mapToObj(i -> DayOfWeek.SUNDAY.plus(i).getDisplayName(style, formats.locale()))
                .toList();
    }
}
