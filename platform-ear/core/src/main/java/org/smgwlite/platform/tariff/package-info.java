/**
 * TAF 2 tariff profiles (Tarifprofile): a tenant's named zones by weekday and local time of day, versioned by date,
 * one per household, and the {@link org.smgwlite.platform.tariff.TariffCalendar} the month reports read them through.
 */
package org.smgwlite.platform.tariff;
