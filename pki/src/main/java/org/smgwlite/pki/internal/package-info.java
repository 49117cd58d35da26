/** Bouncy Castle plumbing shared by the feature packages: the private provider instance, PEM, key generation.
 *  Not an API for the platform: public only because Java packages cannot share package-private classes. */
package org.smgwlite.pki.internal;
