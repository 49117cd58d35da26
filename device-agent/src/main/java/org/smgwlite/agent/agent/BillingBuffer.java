package org.smgwlite.agent.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.taf.TafKind;
import org.smgwlite.agent.taf.TafValue;

/**
 * Billing values (TAF 7, TAF 6) on their way into the store. A batch the store cannot write (disk full) stays here
 * and is tried again on every turn of the loop; the first failure and the recovery go to the Eichlog. Beyond
 * {@link #MAX_PENDING_BATCHES} the oldest batch is dropped, and that loss is logged too.
 *
 * <p>For every value made durable it prints {@code STORED <value>} on stdout, after the fsync: a supervisor (and the
 * kill test) may rely on every such line surviving a crash. Loop thread only.
 */
final class BillingBuffer {

    /** Billing batches held in memory while the store cannot write: four days of TAF 7 slots. */
    static final int MAX_PENDING_BATCHES = 4 * 96;

    private final ValueStore store;
    private final EventLog log;
    private final PrintStream out;
    private final Deque<List<TafValue>> pending = new ArrayDeque<>();
    private boolean storeFailing;
    private String lastStored;

    BillingBuffer(ValueStore store, EventLog log, PrintStream out) {
        this.store = store;
        this.log = log;
        this.out = out;
    }

    /** Takes one batch from the pipeline and tries to store everything pending. */
    void add(List<TafValue> values) {
        if (pending.size() >= MAX_PENDING_BATCHES) {
            List<TafValue> dropped = pending.removeFirst();
            log.event(EventType.STORE_WRITE_FAILED, "value lost, store unwritable too long: " + dropped.get(0));
        }
        pending.addLast(values);
        flush();
    }

    /** Writes pending batches in order until the store refuses one. */
    void flush() {
        while (!pending.isEmpty()) {
            List<TafValue> stored;
            try {
                stored = store.appendBilling(pending.peekFirst());
            } catch (IOException e) {
                if (!storeFailing) {
                    storeFailing = true;
                    log.event(EventType.STORE_WRITE_FAILED, e.getMessage() + "; " + pending.size()
                            + " batch(es) kept in memory, retrying");
                }
                return;
            }
            pending.removeFirst();
            if (storeFailing) {
                storeFailing = false;
                log.event(EventType.STORE_WRITE_RECOVERED, "store writable again, seq " + stored.get(0).seq());
            }
            for (TafValue v : stored) {
                out.println("STORED " + v);
                if (v.kind() == TafKind.TAF7) {
                    lastStored = v.toString();
                }
            }
            out.flush();
        }
    }

    /** Batches not yet in the store. */
    int pendingBatches() {
        return pending.size();
    }

    /** The newest TAF 7 value stored, for the status page; {@code null} before the first. */
    String lastStored() {
        return lastStored;
    }
}
