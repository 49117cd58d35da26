package org.smgwlite.agent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.agent.eichlog.EichlogEntry;
import org.smgwlite.agent.eichlog.EichlogVerifier;
import org.smgwlite.agent.simulator.SimulationClock;
import org.smgwlite.agent.store.StoreNote;

/** Store notes reach the Eichlog under the event type of their kind: a full store is not a repair. */
class EventLogTest {

    @TempDir
    Path dir;

    @Test
    void eachStoreNoteIsLoggedUnderTheTypeOfItsKind() throws IOException {
        Path file = dir.resolve("eichlog.log");
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (EventLog log = EventLog.open(file, new SimulationClock(Instant.parse("2026-03-04T00:00:00Z")), err)) {
            log.storeNote(new StoreNote(StoreNote.Kind.FULL, "store: no room for TAF 14 samples, billing values fill the store"));
            log.storeNote(new StoreNote(StoreNote.Kind.EVICTION, "store full: evicted TAF 14 samples seq 1..9 (900 bytes)"));
            log.storeNote(new StoreNote(StoreNote.Kind.REPAIR, "journal billing-1.seg: damaged tail at offset 20"));
        }
        EichlogVerifier.Result r = EichlogVerifier.verify(file);
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.entries()).extracting(EichlogEntry::type)
                .containsExactly("STORE_FULL", "STORE_EVICTION", "STORE_REPAIR");
    }
}
