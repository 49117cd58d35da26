package org.smgwlite.metering.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EichlogLinkTest {

    private static final Instant AT = Instant.parse("2024-03-05T10:00:00Z");

    @Test
    void the_hash_is_sha256_of_the_escaped_line_before_its_last_tab() {
        // the bytes journals on gateways and rows in eichlog_entry were written with: must never change
        EichlogLink first = EichlogLink.create(1, AT, "START", "a\tb\\c", EichlogLink.GENESIS);
        assertThat(first.hash()).isEqualTo("2181110088e169fe26e4f219cfba4194ec62b74a4a7dc4a50dbd1cf240ffb2da");
        assertThat(first.line()).isEqualTo("1\t2024-03-05T10:00:00Z\tSTART\ta\\tb\\\\c\t" + "0".repeat(64) + "\t" + first.hash());
    }

    @Test
    void a_line_parses_back_to_the_same_entry_with_its_detail_exact() {
        EichlogLink e = EichlogLink.create(7, AT, "METER_BACK", "again\tafter 42 s\nline two \\ backslash\r", "ab".repeat(32));
        EichlogLink back = EichlogLink.parse(e.line());
        assertThat(back).isEqualTo(e);
        assertThat(back.hashMatches()).isTrue();
    }

    @Test
    void each_chain_rule_is_named_when_broken() {
        EichlogLink first = EichlogLink.create(1, AT, "START", "x", EichlogLink.GENESIS);
        EichlogLink second = EichlogLink.create(2, AT.plusSeconds(1), "STOP", "y", first.hash());
        assertThat(first.follows(1, EichlogLink.GENESIS)).isEmpty();
        assertThat(second.follows(2, first.hash())).isEmpty();
        assertThat(second.follows(3, first.hash())).contains(EichlogLink.Break.NUMBER);
        assertThat(second.follows(2, EichlogLink.GENESIS)).contains(EichlogLink.Break.NOT_CHAINED);
        EichlogLink edited = EichlogLink.parse(second.line().replace("\ty\t", "\tz\t"));
        assertThat(edited.follows(2, first.hash())).contains(EichlogLink.Break.CHANGED);
    }

    @Test
    void an_unreadable_line_says_which_field() {
        assertThatThrownBy(() -> EichlogLink.parse("1\t2\t3")).hasMessageContaining("found 3");
        assertThatThrownBy(() -> EichlogLink.parse("x\t" + AT + "\tT\td\tp\th")).hasMessageContaining("entry number 'x'");
        assertThatThrownBy(() -> EichlogLink.parse("1\tyesterday\tT\td\tp\th")).hasMessageContaining("time 'yesterday'");
    }
}
