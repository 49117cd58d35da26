/** The offline command line ({@code pki/pki}): create the root and tenant CAs, issue server and gateway
 *  certificates, revoke, write CRLs; everything in files under {@code --dir}, secrets never printed. */
package org.smgwlite.pki.cli;
