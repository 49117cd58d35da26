/**
 * Harnesses, not tests: run against a running platform (the run command's) and print figures.
 * {@code EstEnrollmentBenchmark} enrolls many gateways through the EST endpoints on the device port (TLS).
 */
package org.smgwlite.platform.it.bench;
