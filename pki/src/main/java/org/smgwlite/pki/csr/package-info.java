/** PKCS#10 certificate signing requests: parsed, signature-verified on construction, and checked
 *  against a tenant's curve policy and the gateway id they claim, before anything is issued. */
package org.smgwlite.pki.csr;
