/**
 * Day-after upload: EST enrollment of the gateway's own keys, then everything the platform has not acknowledged,
 * batch after batch, signed, sent over mutual TLS with backoff; values leave the store only after the acknowledgement.
 */
package org.smgwlite.agent.upload;
