/** TLS for the device port: SSLContexts for the platform (server, mutual TLS, CRL-checked) and for a gateway
 *  (client, trusting only the pinned platform root, by file or {@link org.smgwlite.pki.tls.RootFingerprint}),
 *  all on the module's private Bouncy Castle JSSE so that brainpoolP256r1 works as well as P-256. */
package org.smgwlite.pki.tls;
