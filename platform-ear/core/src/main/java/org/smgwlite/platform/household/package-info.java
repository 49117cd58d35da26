/**
 * Households of a tenant: the metering point (Messlokation) a gateway reads, its address, the
 * meter and the Keycloak user who may view it. Tenant-owned: every row carries its tenant.
 */
package org.smgwlite.platform.household;
