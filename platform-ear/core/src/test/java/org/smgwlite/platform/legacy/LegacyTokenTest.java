package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LegacyTokenTest {

    /** FIPS 180-2's example: SHA-256("abc"). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void the_hash_is_php_hash_sha256_in_lower_case_hex() {
        assertThat(LegacyToken.sha256Hex("abc")).isEqualTo(ABC);
    }

    @Test
    void only_the_right_token_matches_a_stored_hash() {
        assertThat(LegacyToken.matches("abc", ABC)).isTrue();
        assertThat(LegacyToken.matches("abc", ABC.toUpperCase())).as("an exported hash in upper case").isTrue();
        assertThat(LegacyToken.matches("abd", ABC)).isFalse();
        assertThat(LegacyToken.matches("ABC", ABC)).isFalse();
        assertThat(LegacyToken.matches("", LegacyToken.sha256Hex(""))).as("an empty header never matches").isFalse();
        assertThat(LegacyToken.matches(null, ABC)).isFalse();
        assertThat(LegacyToken.matches("abc", null)).isFalse();
    }

    @Test
    void a_new_token_fits_the_firmware_field_and_is_unguessable() {
        SecureRandom random = new SecureRandom();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String t = LegacyToken.generate(random);
            assertThat(t).hasSize(32).matches("[abcdefghijkmnpqrstuvwxyz23456789]{32}");
            assertThat(t.length()).isLessThanOrEqualTo(LegacyToken.FIRMWARE_MAX_LENGTH);
            tokens.add(t);
        }
        assertThat(tokens).hasSize(200);
    }

    @Test
    void a_sha256_hex_is_64_hex_digits() {
        assertThat(LegacyToken.isSha256Hex(ABC)).isTrue();
        assertThat(LegacyToken.isSha256Hex(ABC.toUpperCase())).isTrue();
        assertThat(LegacyToken.isSha256Hex(ABC.substring(1))).isFalse();
        assertThat(LegacyToken.isSha256Hex("g" + ABC.substring(1))).isFalse();
        assertThat(LegacyToken.isSha256Hex(null)).isFalse();
    }
}
