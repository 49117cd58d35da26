package org.smgwlite.platform.rest.tariff;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.tariff.DayTimes;
import org.smgwlite.platform.tariff.ProfileVersion;
import org.smgwlite.platform.tariff.VersionDraft;
import org.smgwlite.platform.tariff.ZoneRule;

/**
 * A profile version as JSON: {@code {"validFrom":"2026-12-01","zones":[{"name":"HT","days":["MONDAY",...],
 * "from":"06:00","to":"22:00"}, ...]}}. A zone may have several rules ("NT" before 06:00 and after 22:00). Text that
 * is no date, weekday or time is refused here naming its field ({@code validFrom}, {@code zones[2].days}); whether the
 * rules fit together is the service's check.
 */
public final class ZoneRulesJson {

    /** One rule: the zone's name, weekdays (MONDAY ... SUNDAY, any case), local times HH:mm (to may be 24:00). */
    public record Rule(String name, List<String> days, String from, String to) {
        static Rule of(ZoneRule r) {
            return new Rule(r.zone(), r.days().stream().sorted().map(DayOfWeek::name).toList(), r.from(), r.to());
        }
    }

    /** A stored version as the API shows it. */
    public record VersionView(long id, String validFrom, String createdAt, String createdBy, List<String> zoneNames,
                              List<Rule> zones) {
        static VersionView of(ProfileVersion v) {
            return new VersionView(v.id(), v.validFrom().toString(), v.createdAt().toString(), v.createdBy(), v.zones(),
                    v.rules().stream().map(Rule::of).toList());
        }
    }

    private ZoneRulesJson() {
    }

    /** @throws InvalidInputException naming every field that could not be read */
    static VersionDraft draft(String validFrom, List<Rule> zones) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = null;
        if (validFrom == null || validFrom.isBlank()) {
            errors.put("validFrom", "is required (YYYY-MM-DD)");
        } else {
            try {
                from = LocalDate.parse(validFrom.strip());
            } catch (DateTimeParseException e) {
                errors.put("validFrom", "must be a date YYYY-MM-DD, was '" + validFrom + "'");
            }
        }
        List<ZoneRule> rules = new ArrayList<>();
        List<Rule> given = zones == null ? List.of() : zones;
        for (int i = 0; i < given.size(); i++) {
            Rule r = given.get(i);
            String prefix = "zones[" + i + "].";
            if (r == null) {
                errors.put("zones[" + i + "]", "is empty");
                continue;
            }
            Set<DayOfWeek> days = days(r.days(), prefix + "days", errors);
            int fromMinute = minute(prefix + "from", r.from(), errors);
            int toMinute = minute(prefix + "to", r.to(), errors);
            rules.add(new ZoneRule(r.name(), days, fromMinute, toMinute));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new VersionDraft(from, rules);
    }

    private static Set<DayOfWeek> days(List<String> names, String field, Map<String, String> errors) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                days.add(DayOfWeek.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.put(field, "weekdays are MONDAY to SUNDAY, was '" + name + "'");
            }
        }
        return days;
    }

    private static int minute(String field, String text, Map<String, String> errors) {
        try {
            return DayTimes.minuteOf(field, text);
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
            return 0;
        }
    }
}
