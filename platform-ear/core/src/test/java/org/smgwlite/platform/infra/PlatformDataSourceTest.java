package org.smgwlite.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.sql.DataSourceDefinition;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pool settings a PostgreSQL outage depends on, as Payara reads them from the one datasource definition: a
 * restarted server is found only if connections are validated and dropped together, and a request fails fast only
 * if the wait for a connection is bounded.
 */
class PlatformDataSourceTest {

    private static final Map<String, String> PROPERTIES = Arrays.stream(
                    PlatformDataSource.class.getAnnotation(DataSourceDefinition.class).properties())
            .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));

    @Test
    void connections_are_validated_before_use_and_all_dropped_when_one_is_dead() {
        assertThat(PROPERTIES).containsEntry("fish.payara.is-connection-validation-required", "true")
                .containsEntry("fish.payara.connection-validation-method", "custom-validation")
                .containsEntry("fish.payara.validation-classname", "org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation")
                .containsEntry("fish.payara.fail-all-connections", "true");
    }

    @Test
    void waiting_for_a_connection_and_connecting_are_bounded() {
        assertThat(Integer.parseInt(PROPERTIES.get("fish.payara.max-wait-time-in-millis"))).isBetween(1, 15_000);
        assertThat(Integer.parseInt(PROPERTIES.get("ConnectTimeout"))).isBetween(1, 10);
        assertThat(Integer.parseInt(PROPERTIES.get("LoginTimeout"))).isBetween(1, 15);
    }
}
