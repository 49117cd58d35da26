/** The issuance benchmark: a runnable harness, not a test; prints certificates signed per second per curve
 *  on one thread ({@code mvn -q -pl pki test-compile exec:java@bench}). */
package org.smgwlite.pki.bench;
