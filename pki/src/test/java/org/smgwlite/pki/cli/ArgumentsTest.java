package org.smgwlite.pki.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void optionsInBothSpellingsAndOperandsInOrder() {
        Arguments a = Arguments.parse("decode", List.of("--format", "csv", "capture.bin", "--protocol=d0", "--pv", "-5"));
        assertThat(a.optional("format")).contains("csv");
        assertThat(a.optional("protocol")).contains("d0");
        assertThat(a.value("pv", Long::parseLong, 0L)).isEqualTo(-5L);
        assertThat(a.operands(1, "one SOURCE")).containsExactly("capture.bin");
        assertThat(a.value("seed", Long::parseLong, 7L)).isEqualTo(7L);
    }

    @Test
    void everyMistakeIsAUsageErrorNamingTheOption() {
        assertThatThrownBy(() -> Arguments.parse("decode", List.of("--format")))
                .isInstanceOf(UsageException.class).hasMessage("option --format needs a value");
        assertThatThrownBy(() -> Arguments.parse("decode", List.of("-x")))
                .isInstanceOf(UsageException.class).hasMessage("unknown option -x");
        assertThatThrownBy(() -> Arguments.parse("decode", List.of("--colour", "red")).allowOnly(Set.of("format")))
                .isInstanceOf(UsageException.class).hasMessage("option --colour is not known to decode");
        assertThatThrownBy(() -> Arguments.parse("run", List.of()).required("config"))
                .isInstanceOf(UsageException.class).hasMessage("run needs --config");
        assertThatThrownBy(() -> Arguments.parse("verify", List.of("a", "b")).operands(1, "one FILE"))
                .isInstanceOf(UsageException.class).hasMessage("verify takes one FILE, got a b");
        assertThatThrownBy(() -> Arguments.parse("simulate", List.of("--start", "yesterday"))
                .value("start", Instant::parse, null))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--start: 'yesterday' is not valid");
        assertThatThrownBy(() -> Arguments.parse("crl", List.of("--days", "1", "--days", "2")).integer("days", 7))
                .isInstanceOf(UsageException.class).hasMessage("option --days given more than once");
        assertThatThrownBy(() -> Arguments.parse(new String[0])).isInstanceOf(UsageException.class);
    }
}
