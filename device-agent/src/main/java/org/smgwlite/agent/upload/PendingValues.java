package org.smgwlite.agent.upload;

import java.io.IOException;
import java.util.List;

import org.smgwlite.agent.store.ValueStore;
import org.smgwlite.agent.taf.TafValue;

/**
 * The uploader's view of the store: read what is unacknowledged, acknowledge after the platform's answer.
 * The agent passes an implementation that runs both on its loop thread (the store is single-threaded).
 */
public interface PendingValues {

    List<TafValue> readUnacknowledged(int max) throws IOException;

    void acknowledge(long upToSeq) throws IOException;

    /** Direct access, for a caller that owns the store's thread. */
    static PendingValues of(ValueStore store) {
        return new PendingValues() {
            @Override
            public List<TafValue> readUnacknowledged(int max) throws IOException {
                return store.readUnacknowledged(max);
            }

            @Override
            public void acknowledge(long upToSeq) throws IOException {
                store.acknowledge(upToSeq);
            }
        };
    }
}
