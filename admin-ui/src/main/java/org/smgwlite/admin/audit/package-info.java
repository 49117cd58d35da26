/**
 * The audit view: the append-only audit events of the operator's tenant (a platform administrator: of any or every
 * tenant), filtered, read lazily by keyset from the platform's AuditTrail, and exported as one CSV stream.
 */
package org.smgwlite.admin.audit;
