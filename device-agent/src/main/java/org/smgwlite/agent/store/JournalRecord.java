package org.smgwlite.agent.store;

/**
 * One record read back from a {@link Journal}: its sequence number (dense and increasing within a journal), the
 * caller's type byte and payload.
 */
public record JournalRecord(long seq, byte type, byte[] payload) {
}
