/** Certificate chains and private keys as PEM text and files, for callers outside the module (the device agent's
 *  credentials): the one place besides {@code internal} that reads and writes PEM, so nobody writes it by hand. */
package org.smgwlite.pki.pem;
