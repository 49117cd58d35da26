/**
 * What every feature of the platform shares: tenant-bound persistence, tenant and gateway ids parsed from
 * outside ({@link org.smgwlite.platform.shared.InputIds}) and the domain exceptions views and REST resources
 * turn into user-facing errors.
 */
package org.smgwlite.platform.shared;
