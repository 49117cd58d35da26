/** The offline command line ({@code pki/pki}): create the root and tenant CAs, issue server and gateway
 *  certificates, revoke, write CRLs; everything in files under {@code --dir}, secrets never printed.
 *  Its option parser ({@link org.smgwlite.pki.cli.Arguments}) is public: the device agent's commands use it too. */
package org.smgwlite.pki.cli;
