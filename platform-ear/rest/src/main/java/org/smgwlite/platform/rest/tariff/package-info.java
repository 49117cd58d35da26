/**
 * {@code /api/tenants/<tenant>/tariff-profiles} and a household's profile: an operator's TAF 2 tariff profiles over
 * REST, the same rules and errors as the admin UI's Tariff profiles screen ({@code TariffService}).
 */
package org.smgwlite.platform.rest.tariff;
