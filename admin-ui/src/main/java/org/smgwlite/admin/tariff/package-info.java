/**
 * The operator's Tariff profiles screen (TAF 2): the tenant's profiles, a form for a new profile or a new version with
 * its zone rules, the version history, and the profile picker of the household form. Rules live in the platform's
 * {@code TariffService}; these views only show its field errors where the field is.
 */
package org.smgwlite.admin.tariff;
