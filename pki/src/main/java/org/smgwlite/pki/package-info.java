/** Value types shared by every part of the Wirk-PKI: gateway and tenant ids, curves, curve policies,
 *  and the root of the exception hierarchy; no Bouncy Castle type appears here. */
package org.smgwlite.pki;
