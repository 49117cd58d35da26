/**
 * SML transport v1: finds frames between escape sequences, removes escapes and padding, checks CRC-16.
 * Knows nothing about SML types; hands the unescaped message bytes to {@code sml.structure}.
 */
package org.smgwlite.agent.sml.transport;
