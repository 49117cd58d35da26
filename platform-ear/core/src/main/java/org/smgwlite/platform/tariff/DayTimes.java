package org.smgwlite.platform.tariff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smgwlite.platform.shared.InvalidInputException;

/** Local times of day as a tariff rule writes them: {@code HH:mm} from 00:00 to 24:00, held as minutes after midnight. */
public final class DayTimes {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-4]):([0-5][0-9])");

    private DayTimes() {
    }

    /**
     * The minute of the day of {@code text}.
     *
     * @throws InvalidInputException on {@code field} if not {@code HH:mm} between 00:00 and 24:00
     */
    public static int minuteOf(String field, String text) {
        Matcher m = TIME.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidInputException(field, "must be a time HH:mm from 00:00 to 24:00, was '" + text + "'");
        }
        int minute = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        if (minute > ZoneRule.DAY) {
            throw new InvalidInputException(field, "must not be after 24:00, was '" + text + "'");
        }
        return minute;
    }

    /** {@code HH:mm}; 1440 is {@code 24:00}. */
    public static String text(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
