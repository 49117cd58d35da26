package org.smgwlite.platform.metering.substitute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.platform.metering.query.Register;
import org.smgwlite.platform.shared.InvalidInputException;

/** What a run writes against what is stored: nothing twice, a gap remade only when its bounds moved. */
class SubstitutePlanTest {

    private static final String IMPORT = Register.IMPORT.obis();
    private static final Instant T = Instant.parse("2026-01-05T08:00:00Z");

    private static Instant slot(int i) {
        return T.plusSeconds(900L * i);
    }

    /** The gap between true readings at slots {@code from} and {@code to}, linear from 100 by 10. */
    private static GapFill fill(int from, int to) {
        List<Substitute> values = new ArrayList<>();
        for (int i = from + 1; i < to; i++) {
            values.add(new Substitute(IMPORT, slot(i), BigInteger.valueOf(100 + 10L * (i - from)), 0, "Wh",
                    SubstituteMethod.LINEAR, slot(from), slot(to)));
        }
        Gap gap = new Gap(Register.IMPORT, T.getEpochSecond(), from, to, BigInteger.valueOf(100),
                BigInteger.valueOf(100 + 10L * (to - from)), 0, "Wh");
        return new GapFill(gap, SubstituteMethod.LINEAR, values);
    }

    private static List<StoredSubstitute> stored(GapFill fill, long firstId) {
        List<StoredSubstitute> rows = new ArrayList<>();
        for (Substitute v : fill.values()) {
            rows.add(new StoredSubstitute(firstId++, v.obis(), v.slot(), v.boundFrom(), v.boundTo()));
        }
        return rows;
    }

    @Test
    void a_first_run_inserts_the_gap_and_a_second_run_makes_nothing_new() {
        GapFill gap = fill(0, 5);
        SubstitutePlan first = SubstitutePlan.of(List.of(gap), List.of(), (obis, at) -> false);
        assertThat(first.insert()).hasSize(4);
        assertThat(first.replace()).isEmpty();

        SubstitutePlan second = SubstitutePlan.of(List.of(gap), stored(gap, 1), (obis, at) -> false);
        assertThat(second.insert()).isEmpty();
        assertThat(second.replace()).isEmpty();
    }

    /** A true value arrived at slot 2 of the gap 0..5: two new gaps 0..2 and 2..5, the old rows all replaced. */
    @Test
    void a_gap_whose_bounds_moved_is_remade_and_a_row_on_a_true_value_is_replaced() {
        List<StoredSubstitute> old = stored(fill(0, 5), 1); // ids 1..4 at slots 1..4
        Instant arrived = slot(2);

        SubstitutePlan plan = SubstitutePlan.of(List.of(fill(0, 2), fill(2, 5)), old, (obis, at) -> at.equals(arrived));

        assertThat(plan.replace()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(plan.insert()).extracting(Substitute::slot).containsExactly(slot(1), slot(3), slot(4));
        assertThat(plan.insert()).extracting(Substitute::slot).doesNotContain(arrived);
    }

    @Test
    void a_stored_row_of_a_gap_that_is_open_now_stays() {
        List<StoredSubstitute> old = stored(fill(0, 3), 7);
        SubstitutePlan plan = SubstitutePlan.of(List.of(), old, (obis, at) -> false);
        assertThat(plan.insert()).isEmpty();
        assertThat(plan.replace()).isEmpty();
    }

    @Test
    void an_operator_range_is_at_most_a_year_and_not_in_the_future_and_names_the_bad_field() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertThat(SubstituteRange.of(LocalDate.of(2025, 11, 30), LocalDate.of(2026, 11, 30), today).chunks())
                .extracting(SubstituteRange::from)
                .containsExactly(LocalDate.of(2025, 11, 30), LocalDate.of(2026, 5, 29), LocalDate.of(2026, 11, 25));
        assertThatThrownBy(() -> SubstituteRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 3), today))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).fieldErrors())
                .satisfies(errors -> assertThat(errors).containsKey("to"));
        assertThatThrownBy(() -> SubstituteRange.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), today))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).fieldErrors())
                .satisfies(errors -> assertThat(errors).containsKey("from"));
        assertThatThrownBy(() -> SubstituteRange.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 2), today))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SubstituteRange.of(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 5), today))
                .isInstanceOf(InvalidInputException.class);
        assertThat(SubstituteRange.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), today).chunks()).hasSize(1);
    }
}
