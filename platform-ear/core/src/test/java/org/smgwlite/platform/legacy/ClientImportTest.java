package org.smgwlite.platform.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientImportTest {

    private static final String H1 = LegacyToken.sha256Hex("token-1");
    private static final String H2 = LegacyToken.sha256Hex("token-2");
    private static final String H3 = LegacyToken.sha256Hex("token-3");
    private static final String H4 = LegacyToken.sha256Hex("token-4");

    /** A tenant that has device AB4 already and household 20 with a gateway, as the store would say. */
    private static final class FakeTenant implements ClientImport.Registration {
        final List<String> asked = new ArrayList<>();
        final Set<String> registered = new java.util.HashSet<>(Set.of("AB4"));
        final Set<Long> withGateway = new java.util.HashSet<>(Set.of(20L));

        @Override
        public ClientImport.Line register(ClientsCsv.Client c, long householdId) {
            asked.add(c.deviceId().value());
            if (registered.contains(c.deviceId().value())) {
                return ClientImport.Line.refused(c, ImportRefusal.DEVICE_REGISTERED, "device " + c.deviceId() + " is registered already");
            }
            if (householdId == 99) {
                return ClientImport.Line.refused(c, ImportRefusal.HOUSEHOLD_UNKNOWN, "no household 99 in this tenant");
            }
            if (!withGateway.add(householdId)) {
                return ClientImport.Line.refused(c, ImportRefusal.HOUSEHOLD_HAS_GATEWAY, "household " + householdId + " has a gateway");
            }
            registered.add(c.deviceId().value());
            return ClientImport.Line.imported(c);
        }
    }

    @Test
    void every_line_gets_its_result_in_file_order_and_a_bad_line_costs_only_itself() {
        String csv = "device_id;token\n"
                + "N01;" + H1 + "\n"        // 2 imported
                + "AB4;" + H2 + "\n"        // 3 the tenant has it
                + "N01;" + H3 + "\n"        // 4 twice in the file
                + "N02;not-a-hash\n"        // 5 a token in clear
                + "N03;" + H3 + "\n"        // 6 no household given
                + "N04;" + H4 + "\n"        // 7 household of another tenant: unknown here
                + "N05;" + H4 + "\n"        // 8 household 20 has a gateway
                + "N06;" + H4 + "\n";       // 9 imported after all those refusals
        FakeTenant tenant = new FakeTenant();

        ClientImport.Outcome outcome = ClientImport.run(ClientsCsv.parse(csv),
                Map.of("N01", 10L, "AB4", 11L, "N02", 12L, "N04", 99L, "N05", 20L, "N06", 13L), tenant);

        assertThat(outcome.lines()).extracting(ClientImport.Line::line).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(outcome.lines()).extracting(ClientImport.Line::deviceId)
                .containsExactly("N01", "AB4", "N01", "N02", "N03", "N04", "N05", "N06");
        assertThat(outcome.lines()).extracting(ClientImport.Line::reason).containsExactly(null,
                ImportRefusal.DEVICE_REGISTERED, ImportRefusal.DUPLICATE_IN_FILE, ImportRefusal.BAD_HASH,
                ImportRefusal.NO_HOUSEHOLD_GIVEN, ImportRefusal.HOUSEHOLD_UNKNOWN, ImportRefusal.HOUSEHOLD_HAS_GATEWAY, null);
        assertThat(outcome.lines()).filteredOn(l -> l.result() == ClientImport.Result.IMPORTED)
                .extracting(ClientImport.Line::line).containsExactly(2, 9);
        assertThat(outcome.lines().get(2).detail()).isEqualTo("device_id 'N01' already on line 2");
        assertThat(outcome.lines().get(4).detail()).isEqualTo("no household given for device N03");
        assertThat(outcome.lines()).filteredOn(l -> l.result() == ClientImport.Result.IMPORTED)
                .allMatch(l -> l.detail() == null);
        assertThat(outcome.imported()).isEqualTo(2);
        assertThat(outcome.refused()).isEqualTo(6);
        assertThat(tenant.asked).as("the store is asked only for lines the file and the households allow")
                .containsExactly("N01", "AB4", "N04", "N05", "N06");
        assertThat(tenant.registered).contains("N01", "N06").doesNotContain("N04", "N05");
    }

    @Test
    void a_file_without_a_good_line_asks_the_store_nothing() {
        FakeTenant tenant = new FakeTenant();
        ClientImport.Outcome outcome = ClientImport.run(ClientsCsv.parse("id;device_id;comment\n1;AB4;x\n"), Map.of("AB4", 1L), tenant);
        assertThat(outcome.imported()).isZero();
        assertThat(outcome.lines()).singleElement().satisfies(l -> {
            assertThat(l.line()).isEqualTo(1);
            assertThat(l.result()).isEqualTo(ClientImport.Result.REFUSED);
            assertThat(l.reason()).isEqualTo(ImportRefusal.LINE_FORMAT);
        });
        assertThat(tenant.asked).isEmpty();
    }
}
