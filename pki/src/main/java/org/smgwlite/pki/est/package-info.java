/** The EST (RFC 7030) wire format the platform's endpoints speak: base64 PKCS#10 request bodies in,
 *  base64 certs-only CMS (degenerate SignedData) out. No HTTP here: the platform owns the resources. */
package org.smgwlite.pki.est;
