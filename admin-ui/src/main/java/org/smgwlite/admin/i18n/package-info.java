/**
 * English and German for the UI: the texts (resource bundles {@code i18n/messages*.properties}, served by the
 * {@link org.smgwlite.admin.i18n.Translations} provider) and the browser's locale for dates and numbers.
 */
package org.smgwlite.admin.i18n;
