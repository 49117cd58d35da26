package org.smgwlite.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePrefixTest {

    @Test
    void aSearchMatchesItsOwnCharactersLiterallyAndOnlyAtTheStart() {
        assertThat(LikePrefix.of("Müller")).isEqualTo("Müller%");
        assertThat(LikePrefix.of("50%")).isEqualTo("50\\%%");
        assertThat(LikePrefix.of("gw_1")).isEqualTo("gw\\_1%");
        assertThat(LikePrefix.of("a\\b")).isEqualTo("a\\\\b%");
        assertThat(LikePrefix.of("")).isEqualTo("%");
    }
}
