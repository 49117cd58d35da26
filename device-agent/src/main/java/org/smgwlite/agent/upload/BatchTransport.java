package org.smgwlite.agent.upload;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Sends one signed batch and returns the platform's answer; an {@link IOException} means "try again later". */
public interface BatchTransport {

    /**
     * The HTTP status and body of the platform's answer, and the wait its {@code Retry-After} header asked for (a 503
     * while the platform's database is down).
     */
    record Answer(int status, String body, Optional<Duration> retryAfter) {

        public Answer(int status, String body) {
            this(status, body, Optional.empty());
        }
    }

    Answer post(byte[] signedBatch) throws IOException, InterruptedException;
}
