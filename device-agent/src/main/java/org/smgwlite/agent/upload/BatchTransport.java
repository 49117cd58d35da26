package org.smgwlite.agent.upload;

import java.io.IOException;

/** Sends one signed batch and returns the platform's answer; an {@link IOException} means "try again later". */
public interface BatchTransport {

    /** The HTTP status and body of the platform's answer. */
    record Answer(int status, String body) {
    }

    Answer post(byte[] signedBatch) throws IOException, InterruptedException;
}
