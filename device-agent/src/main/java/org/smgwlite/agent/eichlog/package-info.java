/**
 * The Eichlog (calibration-law event log): append-only, one line per event, each carrying the SHA-256 of the
 * previous entry so that a removed or edited entry breaks the chain; plus the verifier that finds where it broke.
 */
package org.smgwlite.agent.eichlog;
