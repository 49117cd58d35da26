/**
 * Tenants: the metering point operators (MSB) and energy communities that run households on
 * the platform. Managed by platform administrators; the table itself is not tenant-owned.
 */
package org.smgwlite.platform.tenant;
