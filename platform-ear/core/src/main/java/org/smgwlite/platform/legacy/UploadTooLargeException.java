package org.smgwlite.platform.legacy;

import org.smgwlite.platform.shared.DomainException;

/**
 * An upload above {@link RingBufferDecoder#MAX_BODY_BYTES}; answered 413. The endpoint refuses it from the
 * {@code Content-Length} header before reading the body; the decoders check again so no caller can skip it.
 */
public final class UploadTooLargeException extends DomainException {

    private final long bodyBytes;
    private final int limitBytes;

    public UploadTooLargeException(long bodyBytes, int limitBytes) {
        super("upload of " + bodyBytes + " bytes is above the limit of " + limitBytes + " bytes");
        this.bodyBytes = bodyBytes;
        this.limitBytes = limitBytes;
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    public int limitBytes() {
        return limitBytes;
    }
}
