/** The certificate authorities: the offline platform root, one issuing CA per tenant, and what they
 *  issue ({@link org.smgwlite.pki.ca.IssuedCertificate} carries everything the audit log needs). */
package org.smgwlite.pki.ca;
