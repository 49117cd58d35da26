/** Revocation: CRLs per issuing CA from a list of revoked serials, and the chain-plus-CRL check the
 *  device port uses to refuse revoked gateway certificates. */
package org.smgwlite.pki.crl;
