package org.smgwlite.platform.tariff;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.smgwlite.platform.shared.InvalidInputException;

/**
 * The rules a tariff profile obeys, in one place for the service, the REST API and the form: a name; zones of 1 to
 * {@value #MAX_ZONE_NAME} characters, at most {@value #MAX_ZONES} of them; rule boundaries on quarter hours; and every
 * quarter hour of every weekday in exactly one zone. Errors name the field ({@code name}, {@code zones},
 * {@code zones[i].from} ...) and, for coverage, the weekday and time ("Monday 05:45-06:00 is in no zone").
 */
public final class TariffRules {

    public static final int MAX_ZONES = 8;
    public static final int MAX_ZONE_NAME = 16;
    public static final int MAX_RULES = 100;
    public static final int MAX_PROFILE_NAME = 100;

    private TariffRules() {
    }

    /** The profile name, stripped. @throws InvalidInputException on {@code name} if blank or too long */
    public static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("name", "is required");
        }
        if (n.length() > MAX_PROFILE_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "must be 1 to " + MAX_PROFILE_NAME + " printable characters");
        }
        return n;
    }

    /**
     * The rules as a week table.
     *
     * @throws InvalidInputException naming {@code zones[i].<field>} for a bad rule, else {@code zones} for too many
     *                               zones, an overlap or a hole
     */
    public static WeekTable compile(List<ZoneRule> rules) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (rules == null || rules.isEmpty()) {
            throw new InvalidInputException("zones", "at least one zone rule is required");
        }
        if (rules.size() > MAX_RULES) {
            throw new InvalidInputException("zones", "at most " + MAX_RULES + " rules, has " + rules.size());
        }
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            checkRule(rules.get(i), "zones[" + i + "].", errors);
            String zone = rules.get(i).zone() == null ? "" : rules.get(i).zone().strip();
            if (!zone.isEmpty() && !zones.contains(zone)) {
                zones.add(zone);
            }
        }
        if (zones.size() > MAX_ZONES) {
            errors.put("zones", "at most " + MAX_ZONES + " zones, has " + zones.size() + ": " + String.join(", ", zones));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return cover(rules, zones);
    }

    private static void checkRule(ZoneRule rule, String prefix, Map<String, String> errors) {
        String zone = rule.zone() == null ? "" : rule.zone().strip();
        if (zone.isEmpty() || zone.length() > MAX_ZONE_NAME || zone.chars().anyMatch(Character::isISOControl)) {
            errors.put(prefix + "name", "zone name must be 1 to " + MAX_ZONE_NAME + " printable characters");
        }
        if (rule.days().isEmpty()) {
            errors.put(prefix + "days", "at least one weekday is required");
        }
        boolean times = true;
        for (Map.Entry<String, Integer> t : List.of(Map.entry("from", rule.fromMinute()), Map.entry("to", rule.toMinute()))) {
            if (t.getValue() < 0 || t.getValue() > ZoneRule.DAY) {
                errors.put(prefix + t.getKey(), "must be from 00:00 to 24:00");
                times = false;
            } else if (t.getValue() % 15 != 0) {
                errors.put(prefix + t.getKey(), DayTimes.text(t.getValue()) + " is not on a quarter hour (:00, :15, :30, :45)");
                times = false;
            }
        }
        if (times && rule.fromMinute() >= rule.toMinute()) {
            errors.put(prefix + "to", "must be after " + rule.from() + " (a window over midnight is two rules)");
        }
    }

    /** Fills the table; every cell must be set exactly once. */
    private static WeekTable cover(List<ZoneRule> rules, List<String> zones) {
        int cells = 7 * WeekTable.QUARTERS;
        byte[] table = new byte[cells];
        List<List<String>> owners = new ArrayList<>(cells);
        for (int c = 0; c < cells; c++) {
            owners.add(new ArrayList<>(1));
        }
        for (ZoneRule rule : rules) {
            String zone = rule.zone().strip();
            for (DayOfWeek day : rule.days()) {
                for (int q = rule.fromMinute() / 15; q < rule.toMinute() / 15; q++) {
                    int c = (day.getValue() - 1) * WeekTable.QUARTERS + q;
                    owners.get(c).add(zone);
                    table[c] = (byte) zones.indexOf(zone);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        firstStretch(owners, 0, "is in no zone").ifPresent(problems::add);
        firstStretch(owners, 2, null).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("zones", String.join("; ", problems));
        }
        return new WeekTable(zones, table);
    }

    /**
     * The first run of consecutive quarter hours of one weekday with no owner ({@code minOwners} 0) or with several
     * (2: an overlap, named by its zones), as "Monday 05:45-06:00 is in no zone".
     */
    private static Optional<String> firstStretch(List<List<String>> owners, int minOwners, String hole) {
        for (int c = 0; c < owners.size(); c++) {
            if (matches(owners.get(c), minOwners)) {
                int day = c / WeekTable.QUARTERS;
                int end = c;
                List<String> names = zoneNames(owners.get(c));
                while (end + 1 < (day + 1) * WeekTable.QUARTERS && matches(owners.get(end + 1), minOwners)
                        && zoneNames(owners.get(end + 1)).equals(names)) {
                    end++;
                }
                String where = DayOfWeek.of(day + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                        + DayTimes.text(c % WeekTable.QUARTERS * 15) + "-" + DayTimes.text((end % WeekTable.QUARTERS + 1) * 15);
                return Optional.of(where + " " + (hole != null ? hole
                        : "is in more than one zone rule (" + String.join(", ", names) + ")"));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(List<String> cellOwners, int minOwners) {
        return minOwners == 0 ? cellOwners.isEmpty() : cellOwners.size() >= minOwners;
    }

    private static List<String> zoneNames(List<String> cellOwners) {
        return cellOwners.stream().distinct().sorted().toList();
    }
}
