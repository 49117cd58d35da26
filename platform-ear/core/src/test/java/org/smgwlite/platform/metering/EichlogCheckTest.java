package org.smgwlite.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smgwlite.metering.contract.EichlogLink;

class EichlogCheckTest {

    private static final Instant AT = Instant.parse("2026-11-24T00:00:00Z");

    private static List<EichlogLink> chain(int from, int to, String prevHash) {
        return chain(from, to, prevHash, "START");
    }

    /** Entries {@code from..to}, the last one of type {@code lastType}; chains of different last types differ throughout. */
    private static List<EichlogLink> chain(int from, int to, String prevHash, String lastType) {
        List<EichlogLink> links = new ArrayList<>();
        String prev = prevHash;
        for (int n = from; n <= to; n++) {
            EichlogLink l = EichlogLink.create(n, AT.plusSeconds(n), n == to ? lastType : "UPLOAD", "entry " + n + " of a log ending " + lastType, prev);
            links.add(l);
            prev = l.hash();
        }
        return links;
    }

    private static List<String> lines(List<EichlogLink> links) {
        return links.stream().map(EichlogLink::line).toList();
    }

    /** The platform's current chain holding {@code links}. */
    private static EichlogCheck.StoredChain stored(List<EichlogLink> links) {
        return new EichlogCheck.StoredChain() {
            @Override
            public Optional<EichlogHead> newest() {
                return links.isEmpty() ? Optional.empty() : Optional.of(links.get(links.size() - 1))
                        .map(l -> new EichlogHead(l.n(), l.hash(), l.type()));
            }

            @Override
            public Optional<String> hash(long n) {
                return links.stream().filter(l -> l.n() == n).map(EichlogLink::hash).findFirst();
            }
        };
    }

    private static final EichlogCheck.StoredChain NOTHING = stored(List.of());

    private static void refused(List<String> lines, EichlogCheck.StoredChain stored, String says) {
        assertThatThrownBy(() -> EichlogCheck.verify(lines, stored))
                .isInstanceOfSatisfying(BatchRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BatchRefusedException.Reason.EICHLOG_BROKEN);
                    assertThat(e.getMessage()).startsWith("Eichlog chain broken: ").contains(says);
                });
    }

    @Test
    void the_first_upload_starting_at_entry_1_is_accepted() {
        List<EichlogLink> first = chain(1, 3, EichlogLink.GENESIS);
        EichlogCheck.Verified verified = EichlogCheck.verify(lines(first), NOTHING);
        assertThat(verified.entries()).isEqualTo(first);
        assertThat(verified.newChain()).isFalse();
    }

    @Test
    void a_batch_continuing_the_stored_chain_is_accepted_and_a_resent_stored_part_too() {
        List<EichlogLink> all = chain(1, 5, EichlogLink.GENESIS);
        EichlogCheck.StoredChain upTo3 = stored(all.subList(0, 3));
        assertThat(EichlogCheck.verify(lines(all.subList(3, 5)), upTo3).entries()).isEqualTo(all.subList(3, 5));
        assertThat(EichlogCheck.verify(lines(all), upTo3).entries()).as("1-3 again, then 4-5").isEqualTo(all);
        assertThat(EichlogCheck.verify(List.of(), upTo3).entries()).isEmpty();
    }

    @Test
    void a_restart_after_a_stored_reset_is_accepted_as_a_new_chain() {
        List<EichlogLink> old = chain(1, 4, EichlogLink.GENESIS, EichlogLink.RESET);
        List<EichlogLink> fresh = chain(1, 2, EichlogLink.GENESIS);
        EichlogCheck.Verified verified = EichlogCheck.verify(lines(fresh), stored(old));
        assertThat(verified.entries()).isEqualTo(fresh);
        assertThat(verified.newChain()).isTrue();
    }

    @Test
    void a_restart_without_a_stored_reset_is_refused() {
        List<EichlogLink> old = chain(1, 4, EichlogLink.GENESIS);
        refused(lines(chain(1, 2, EichlogLink.GENESIS, "STOP")), stored(old),
                "entry 1 starts the Eichlog over, but the platform holds entries up to 4 and the last of them records no reset");
    }

    /** The entry a gateway whose journal was lost appends to the platform's chain: chained to the head it was told. */
    private static EichlogLink closing(long n, String prevHash) {
        return EichlogLink.create(n, AT.plusSeconds(3600), EichlogLink.RESET, "Eichlog file missing", prevHash);
    }

    @Test
    void a_reset_chained_to_the_stored_head_closes_the_chain_and_a_new_chain_follows_in_the_next_batch() {
        List<EichlogLink> old = chain(1, 4, EichlogLink.GENESIS);
        EichlogLink reset = closing(5, old.get(3).hash());

        EichlogCheck.Verified closed = EichlogCheck.verify(List.of(reset.line()), stored(old));
        assertThat(closed.entries()).containsExactly(reset);
        assertThat(closed.newChain()).as("the closing entry belongs to the old chain").isFalse();

        List<EichlogLink> oldAndReset = new ArrayList<>(old);
        oldAndReset.add(reset);
        List<EichlogLink> fresh = chain(1, 3, EichlogLink.GENESIS, "UPLOAD");
        EichlogCheck.Verified next = EichlogCheck.verify(lines(fresh), stored(oldAndReset));
        assertThat(next.entries()).isEqualTo(fresh);
        assertThat(next.newChain()).isTrue();
        assertThat(EichlogCheck.verify(List.of(reset.line()), stored(oldAndReset)).entries())
                .as("the closing entry sent again (its answer was lost) is the stored one").containsExactly(reset);
    }

    @Test
    void a_reset_not_chained_to_the_stored_head_is_refused() {
        List<EichlogLink> old = chain(1, 4, EichlogLink.GENESIS);
        refused(List.of(closing(5, "a".repeat(64)).line()), stored(old), "entry 5: previous hash does not match entry 4");
        refused(List.of(closing(7, old.get(3).hash()).line()), stored(old),
                "entry 7: entries before it are missing (the platform holds entries up to 4)");
        refused(List.of(closing(4, old.get(2).hash()).line()), stored(old), "entry 4 differs from the stored entry 4");
        refused(List.of(closing(1, EichlogLink.GENESIS).line()), stored(old),
                "entry 1 starts the Eichlog over, but the platform holds entries up to 4");
    }

    @Test
    void a_new_chain_in_the_same_batch_as_its_reset_is_refused() {
        List<EichlogLink> old = chain(1, 4, EichlogLink.GENESIS);
        List<String> together = new ArrayList<>(List.of(closing(5, old.get(3).hash()).line()));
        together.addAll(lines(chain(1, 2, EichlogLink.GENESIS)));
        refused(together, stored(old), "entry 1 follows entry 5");
    }

    @Test
    void a_gap_is_refused_naming_the_entry() {
        List<EichlogLink> all = chain(1, 8, EichlogLink.GENESIS);
        refused(lines(all.subList(5, 8)), stored(all.subList(0, 3)),
                "entry 6: entries before it are missing (the platform holds entries up to 3)");
        refused(lines(all.subList(5, 8)), NOTHING, "entry 6: entries before it are missing (the platform holds none)");
        refused(List.of(all.get(0).line(), all.get(2).line()), NOTHING, "entry 3 follows entry 1");
    }

    @Test
    void an_altered_predecessor_or_an_altered_stored_entry_is_refused() {
        List<EichlogLink> all = chain(1, 5, EichlogLink.GENESIS);
        List<EichlogLink> alteredStored = new ArrayList<>(all.subList(0, 3));
        alteredStored.set(2, EichlogLink.create(3, AT, "CONFIG", "other content", all.get(1).hash()));
        refused(lines(all.subList(3, 5)), stored(alteredStored), "entry 4: previous hash does not match entry 3");

        List<EichlogLink> rewritten = chain(3, 5, all.get(1).hash(), "CONFIG");
        refused(lines(rewritten), stored(all.subList(0, 4)), "entry 3 differs from the stored entry 3");
    }

    @Test
    void an_entry_edited_in_the_batch_or_unreadable_is_refused() {
        List<String> lines = lines(chain(1, 3, EichlogLink.GENESIS));
        refused(List.of(lines.get(0).replace("entry 1 ", "entry one ")), NOTHING, "entry 1: hash does not match");
        refused(lines(chain(1, 1, "e".repeat(64))), NOTHING, "entry 1: previous hash");
        refused(List.of("1\tnot a time"), NOTHING, "expected 6 tab-separated fields");
    }
}
