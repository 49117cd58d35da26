package org.smgwlite.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smgwlite.metering.contract.EichlogLink;

class EichlogCheckTest {

    private static final Instant AT = Instant.parse("2026-11-24T00:00:00Z");

    private static List<EichlogLink> chain(int from, int to, String prevHash) {
        List<EichlogLink> links = new java.util.ArrayList<>();
        String prev = prevHash;
        for (int n = from; n <= to; n++) {
            EichlogLink l = EichlogLink.create(n, AT.plusSeconds(n), "START", "entry " + n, prev);
            links.add(l);
            prev = l.hash();
        }
        return links;
    }

    private static List<String> lines(List<EichlogLink> links) {
        return links.stream().map(EichlogLink::line).toList();
    }

    private static void refused(List<String> lines, Map<Long, String> stored, String says) {
        assertThatThrownBy(() -> EichlogCheck.verify(lines, n -> Optional.ofNullable(stored.get(n))))
                .isInstanceOfSatisfying(BatchRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BatchRefusedException.Reason.EICHLOG_BROKEN);
                    assertThat(e.getMessage()).startsWith("Eichlog chain broken: ").contains(says);
                });
    }

    @Test
    void an_intact_chain_from_genesis_or_from_a_stored_entry_passes() {
        List<EichlogLink> first = chain(1, 3, EichlogLink.GENESIS);
        assertThat(EichlogCheck.verify(lines(first), n -> Optional.empty())).isEqualTo(first);

        List<EichlogLink> next = chain(4, 5, first.get(2).hash());
        assertThat(EichlogCheck.verify(lines(next), n -> n == 3 ? Optional.of(first.get(2).hash()) : Optional.empty()))
                .isEqualTo(next);
        assertThat(EichlogCheck.verify(lines(next), n -> Optional.empty())).as("predecessor never received").hasSize(2);
    }

    @Test
    void each_break_of_the_chain_refuses_the_batch() {
        List<String> lines = new java.util.ArrayList<>(lines(chain(1, 3, EichlogLink.GENESIS)));
        refused(List.of(lines.get(0), lines.get(2)), Map.of(), "entry 3 follows entry 1");
        refused(List.of(lines.get(0).replace("entry 1", "entry one")), Map.of(), "entry 1: hash does not match");
        refused(List.of(lines.get(1)), Map.of(1L, "f".repeat(64)), "entry 2: previous hash does not match entry 1");
        refused(lines(chain(1, 1, "e".repeat(64))), Map.of(), "entry 1: previous hash");
        refused(List.of("1\tnot a time"), Map.of(), "expected 6 tab-separated fields");
    }
}
