/** TLS for the device port: SSLContexts for the platform (server, mutual TLS, CRL-checked) and for a gateway
 *  (client, trusting only the pinned platform root, by file or {@link org.smgwlite.pki.tls.RootFingerprint}). */
package org.smgwlite.pki.tls;
