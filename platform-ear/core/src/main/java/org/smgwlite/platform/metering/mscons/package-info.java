/**
 * MSCONS (EDIFACT D.04B metered services consumption report): households' 15-minute series written as the German
 * market's load-profile message and read back, both validated by staedi against {@code mscons-d04b.xml}.
 */
package org.smgwlite.platform.metering.mscons;
