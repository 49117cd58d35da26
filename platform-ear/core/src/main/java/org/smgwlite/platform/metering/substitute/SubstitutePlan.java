package org.smgwlite.platform.metering.substitute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What a run changes, compared with what is stored: a gap whose every missing slot already holds a current substitute
 * made for the same bounds keeps them (true readings are never altered, so the same bounds mean the same bounding
 * values: running twice makes nothing new); otherwise the gap's stored rows are replaced and its values inserted. A
 * stored row whose slot now holds a true reading is replaced too. Any other stored row (its gap is open now, or out of
 * the run's reach) stays.
 *
 * @param insert  the substitutes to insert, after {@code replace} is done (one current row per slot)
 * @param replace ids of current rows to mark replaced
 */
public record SubstitutePlan(List<Substitute> insert, List<Long> replace) {

    private record Key(String obis, Instant slot) {
    }

    /**
     * @param wanted  the gaps of the run's scope with their computed values
     * @param stored  the current rows of the same scope
     * @param trueAt  whether the register (OBIS) has a true reading at a slot
     */
    public static SubstitutePlan of(List<GapFill> wanted, List<StoredSubstitute> stored, BiPredicate<String, Instant> trueAt) {
        Map<Key, StoredSubstitute> bySlot = new HashMap<>();
        for (StoredSubstitute s : stored) {
            bySlot.put(new Key(s.obis(), s.slot()), s);
        }
        List<Substitute> insert = new ArrayList<>();
        Set<Long> replace = new LinkedHashSet<>();
        for (GapFill fill : wanted) {
            List<StoredSubstitute> present = new ArrayList<>();
            boolean same = true;
            for (Substitute value : fill.values()) {
                StoredSubstitute s = bySlot.get(new Key(value.obis(), value.slot()));
                if (s != null) {
                    present.add(s);
                }
                same &= s != null && s.boundFrom().equals(value.boundFrom()) && s.boundTo().equals(value.boundTo());
            }
            if (!same) {
                present.forEach(s -> replace.add(s.id()));
                insert.addAll(fill.values());
            }
        }
        for (StoredSubstitute s : stored) {
            if (trueAt.test(s.obis(), s.slot())) {
                replace.add(s.id());
            }
        }
        return new SubstitutePlan(List.copyOf(insert), List.copyOf(replace));
    }
}
