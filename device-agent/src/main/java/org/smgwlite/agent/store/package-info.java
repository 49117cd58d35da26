/**
 * The durable local store: append-only journal segments with a CRC32C per record, fsync'd per TAF 7 value, repaired
 * at a torn tail on reopen; values stay until the platform acknowledges them, then their segments are reclaimed.
 */
package org.smgwlite.agent.store;
