/** Certificate profiles: which extensions, key usages and validity each kind of certificate in the
 *  Wirk-PKI gets (root CA, tenant MSB CA, gateway TLS, gateway signature, device-port server). */
package org.smgwlite.pki.profile;
