package org.smgwlite.agent.sml.transport;

/** Receives what {@link SmlFramer} finds, in stream order. */
public interface FrameListener {

    /** A frame whose escapes, padding and CRC were correct. */
    void frame(SmlFrame frame);

    /** A stretch of bytes that was skipped, with the reason. */
    void rejected(FrameRejection rejection);
}
