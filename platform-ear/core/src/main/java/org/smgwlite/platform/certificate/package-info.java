/**
 * The platform's side of the Wirk-PKI: each tenant's issuing CA, enrollment and renewal over EST,
 * revocation (all of a gateway's certificates or one, with an RFC 5280 reason) and CRLs, a certificate's status and
 * the tenant's certificates due for renewal, identifying a gateway by its client certificate, and the device port's key
 * stores.
 */
package org.smgwlite.platform.certificate;
