/** TLS for the device port: SSLContexts for the platform (server, mutual TLS, CRL-checked) and for a
 *  gateway (client), restricted to TLS 1.2/1.3 and TR-03116-3 style ECDHE-ECDSA AES-GCM suites. */
package org.smgwlite.pki.tls;
