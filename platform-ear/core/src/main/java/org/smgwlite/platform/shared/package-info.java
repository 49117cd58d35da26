/**
 * What every feature of the platform shares: tenant identity, tenant-bound persistence and the
 * domain exceptions that views and REST resources turn into user-facing errors.
 */
package org.smgwlite.platform.shared;
