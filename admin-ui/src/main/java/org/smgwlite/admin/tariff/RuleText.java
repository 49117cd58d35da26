package org.smgwlite.admin.tariff;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.smgwlite.platform.tariff.ZoneRule;

/** Zone rules as one line for the version history: "HT Mon-Fri 06:00-22:00; NT Sat-Sun 00:00-24:00". */
final class RuleText {

    private RuleText() {
    }

    static String of(List<ZoneRule> rules) {
        return rules.stream().map(RuleText::of).collect(Collectors.joining("; "));
    }

    static String of(ZoneRule rule) {
        return rule.zone() + " " + days(rule.days().stream().sorted().toList()) + " " + rule.from() + "-" + rule.to();
    }

    /** Runs of two or more consecutive weekdays as "Mon-Fri", others one by one. */
    static String days(List<DayOfWeek> sorted) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1).getValue() == sorted.get(j).getValue() + 1) {
                j++;
            }
            parts.add(j > i ? name(sorted.get(i)) + "-" + name(sorted.get(j)) : name(sorted.get(i)));
            i = j + 1;
        }
        return String.join(",", parts);
    }

    private static String name(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
