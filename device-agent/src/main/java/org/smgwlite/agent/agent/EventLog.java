package org.smgwlite.agent.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

import org.smgwlite.agent.eichlog.Eichlog;
import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.store.StoreNote;

/**
 * The agent's Eichlog writer. An event that cannot be written (the disk is gone) goes to stderr with its type and
 * detail: there is nowhere else left to write it, and the agent keeps running.
 */
final class EventLog implements AutoCloseable {

    private final Eichlog eichlog;
    private final PrintStream err;

    private EventLog(Eichlog eichlog, PrintStream err) {
        this.eichlog = eichlog;
        this.err = err;
    }

    /** Opens the Eichlog, repairing a torn tail (which it logs itself). */
    static EventLog open(Path file, Clock clock, PrintStream err) throws IOException {
        return new EventLog(Eichlog.open(file, clock), err);
    }

    void event(EventType type, String detail) {
        try {
            eichlog.append(type, detail);
        } catch (IOException e) {
            err.println("device-agent: " + e.getMessage() + " (event " + type + ": " + detail + ")");
        }
    }

    /** A store note under the event type of its kind. */
    void storeNote(StoreNote note) {
        event(typeOf(note.kind()), note.detail());
    }

    static EventType typeOf(StoreNote.Kind kind) {
        return switch (kind) {
            case REPAIR -> EventType.STORE_REPAIR;
            case EVICTION -> EventType.STORE_EVICTION;
            case FULL -> EventType.STORE_FULL;
        };
    }

    /** The log itself, for the status page (its tail and last hash). */
    Eichlog eichlog() {
        return eichlog;
    }

    @Override
    public void close() {
        try {
            eichlog.close();
        } catch (IOException e) {
            err.println("device-agent: closing Eichlog: " + e.getMessage());
        }
    }
}
