package org.smgwlite.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.GatewayId;
import org.smgwlite.platform.shared.InvalidInputException;

class AuditFilterTest {

    @Test
    void blanks_mean_any_and_values_are_read_as_typed() {
        assertThat(AuditFilter.parse(null, " ", "", null)).isEqualTo(AuditFilter.NONE);

        AuditFilter f = AuditFilter.parse(" EDEF0012345678 ", "certificate_revoked", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z");

        assertThat(f.gateway()).contains(GatewayId.of("EDEF0012345678"));
        assertThat(f.subject()).contains("gateway:EDEF0012345678");
        assertThat(f.kind()).contains(AuditAction.CERTIFICATE_REVOKED);
        assertThat(f.from()).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(f.to()).contains(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void every_bad_field_is_named_at_once_with_its_value() {
        assertThatThrownBy(() -> AuditFilter.parse("gw with space", "DELETED_EVERYTHING", "yesterday", "30.11.2026"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .containsOnlyKeys("gateway", "kind", "from", "to")
                        .hasEntrySatisfying("kind", m -> assertThat(m).contains("DELETED_EVERYTHING", "CERTIFICATE_ISSUED"))
                        .hasEntrySatisfying("from", m -> assertThat(m).contains("yesterday")));
    }

    @Test
    void a_range_that_ends_before_it_starts_is_refused_on_to() {
        assertThatThrownBy(() -> AuditFilter.parse(null, null, "2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("to"));
        assertThatThrownBy(() -> new AuditFilter(Optional.empty(), Optional.empty(),
                Optional.of(Instant.EPOCH), Optional.of(Instant.EPOCH)))
                .isInstanceOf(InvalidInputException.class);
    }
}
