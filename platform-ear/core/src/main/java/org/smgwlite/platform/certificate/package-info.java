/**
 * The platform's side of the Wirk-PKI: each tenant's issuing CA, enrollment and renewal over EST,
 * revocation and CRLs, identifying a gateway by its client certificate, and the device port's key stores.
 */
package org.smgwlite.platform.certificate;
