/**
 * Day-after upload: EST enrollment of the gateway's own keys, the signed batch of everything the platform has
 * not acknowledged, sent over mutual TLS with backoff; values leave the store only after the acknowledgement.
 */
package org.smgwlite.agent.upload;
