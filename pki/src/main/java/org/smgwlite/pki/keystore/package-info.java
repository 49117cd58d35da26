/** CA private keys at rest: PKCS#8 encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) under a
 *  secret from configuration, readable by openssl; secrets are char arrays and never logged. */
package org.smgwlite.pki.keystore;
