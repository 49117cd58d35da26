package org.smgwlite.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysetRowsTest {

    /** Rows 0..size-1; a cursor is the last row read; every read is logged as "after:limit". */
    private static final class Numbers implements KeysetRows.Source<Integer, Integer> {
        final int size;
        final List<String> reads = new ArrayList<>();

        Numbers(int size) {
            this.size = size;
        }

        @Override
        public KeysetRows.Page<Integer, Integer> read(Optional<Integer> after, int limit) {
            reads.add(after.map(String::valueOf).orElse("-") + ":" + limit);
            int from = after.map(a -> a + 1).orElse(0);
            List<Integer> rows = IntStream.range(from, Math.min(size, from + limit)).boxed().toList();
            boolean more = from + limit < size;
            return new KeysetRows.Page<>(rows, more ? Optional.of(rows.get(rows.size() - 1)) : Optional.empty());
        }
    }

    @Test
    void scrolling_on_reads_each_row_once_from_the_cursor_of_the_page_before() {
        Numbers source = new Numbers(120);
        KeysetRows<Integer, Integer> rows = new KeysetRows<>(source, 500);

        assertThat(rows.rows(0, 50)).containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
        assertThat(rows.rows(50, 50)).containsExactlyElementsOf(IntStream.range(50, 100).boxed().toList());
        assertThat(rows.rows(100, 50)).containsExactlyElementsOf(IntStream.range(100, 120).boxed().toList());

        assertThat(source.reads).containsExactly("-:50", "49:50", "99:50");
    }

    @Test
    void a_jump_ahead_reads_on_from_the_nearest_known_cursor_in_reads_no_larger_than_allowed() {
        Numbers source = new Numbers(1000);
        KeysetRows<Integer, Integer> rows = new KeysetRows<>(source, 100);
        rows.rows(0, 50);

        assertThat(rows.rows(300, 20)).containsExactlyElementsOf(IntStream.range(300, 320).boxed().toList());
        assertThat(source.reads).containsExactly("-:50", "49:100", "149:100", "249:70");

        source.reads.clear();
        assertThat(rows.rows(160, 10)).containsExactlyElementsOf(IntStream.range(160, 170).boxed().toList());
        assertThat(source.reads).as("from the cursor at 150").containsExactly("149:20");
    }

    @Test
    void past_the_end_nothing_is_read_again() {
        Numbers source = new Numbers(10);
        KeysetRows<Integer, Integer> rows = new KeysetRows<>(source, 500);

        assertThat(rows.rows(0, 50)).hasSize(10);
        assertThat(rows.rows(50, 50)).isEmpty();
        assertThat(source.reads).containsExactly("-:50");
    }
}
