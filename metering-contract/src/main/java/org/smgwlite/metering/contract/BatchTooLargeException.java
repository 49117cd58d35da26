package org.smgwlite.metering.contract;

/** A signed upload larger than {@link BatchFormat#MAX_SIGNED_BYTES}: refused before anything in it is read. */
public class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int bytes, int maxBytes) {
        super("signed batch of " + bytes + " bytes exceeds " + maxBytes + " bytes");
    }
}
