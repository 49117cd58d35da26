/**
 * Tenants over REST: a platform administrator lists, creates, reads and edits tenants (name, kind, curve policy for
 * new certificates); an operator of the tenant (or a platform administrator) reads its issuing CA.
 */
package org.smgwlite.platform.rest.tenant;
