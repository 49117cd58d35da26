package org.smgwlite.platform.rest.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXY = ClientAddress.parse(" 10.0.0.5 , ::1");

    @Test
    void behind_a_trusted_proxy_the_address_it_appended_counts() {
        assertThat(PROXY).containsExactlyInAnyOrder("10.0.0.5", "::1");
        assertThat(ClientAddress.of("10.0.0.5", "203.0.113.9, 198.51.100.7", PROXY)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("10.0.0.5", null, PROXY)).isEqualTo("10.0.0.5");
    }

    @Test
    void a_forwarding_header_from_anyone_else_is_ignored() {
        assertThat(ClientAddress.of("203.0.113.9", "1.2.3.4", PROXY)).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("203.0.113.9", "1.2.3.4", ClientAddress.parse(null))).isEqualTo("203.0.113.9");
    }
}
