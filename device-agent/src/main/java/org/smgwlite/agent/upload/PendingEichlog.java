package org.smgwlite.agent.upload;

import java.io.IOException;
import java.util.List;

/**
 * The uploader's view of the Eichlog: the complete entry lines the platform has not acknowledged, oldest first,
 * and a cursor that moves only after the platform's 200 for the batch that carried them.
 */
public interface PendingEichlog {

    /** No Eichlog: batches carry values only. */
    PendingEichlog NONE = new PendingEichlog() {
        @Override
        public List<String> read(int max) {
            return List.of();
        }

        @Override
        public void acknowledge(String lastLine) {
            // nothing to remember
        }
    };

    /** Up to {@code max} unacknowledged entry lines, oldest first. */
    List<String> read(int max) throws IOException;

    /** The platform holds every line up to and including {@code lastLine}. */
    void acknowledge(String lastLine) throws IOException;
}
