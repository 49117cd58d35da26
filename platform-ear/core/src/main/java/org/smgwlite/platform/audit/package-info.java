/**
 * The audit log of the Wirk-PKI: who issued, renewed or revoked which certificate, and every refused
 * enrollment, written in its own transaction so that a refusal is recorded although its work rolls back.
 */
package org.smgwlite.platform.audit;
