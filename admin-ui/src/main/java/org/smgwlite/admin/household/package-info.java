/**
 * Household views: an operator's grid and validating form for the tenant's households, and a
 * household user's page showing only its own household.
 */
package org.smgwlite.admin.household;
