/**
 * Gateways of a tenant's households and their one-time enrollment codes (single use, expiring,
 * stored as a salted, peppered hash): what an operator registers before a gateway may enroll.
 */
package org.smgwlite.platform.gateway;
