package org.smgwlite.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token endpoint's answer as {@link KeycloakServer#passwordGrant} reads it. */
class KeycloakTokenAnswerTest {

    @Test
    void theAccessTokenIsReadFromTheJsonAnswerWhereverItStands() {
        assertThat(KeycloakServer.accessToken("{\"token_type\":\"Bearer\",\n \"access_token\" : \"eyJ.a\\/b.c\",\"expires_in\":300}"))
                .contains("eyJ.a/b.c");
    }

    @Test
    void anAnswerWithoutATokenHasNone() {
        assertThat(KeycloakServer.accessToken("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}"))
                .isEmpty();
        assertThat(KeycloakServer.accessToken("{\"access_token\":\"\"}")).isEmpty();
        assertThat(KeycloakServer.accessToken("<html>502 Bad Gateway</html>")).isEmpty();
    }
}
