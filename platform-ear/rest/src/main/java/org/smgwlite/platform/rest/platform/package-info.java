/**
 * The platform itself over REST: its root certificate, public like the EST {@code /cacerts} answer, for pinning in
 * gateways.
 */
package org.smgwlite.platform.rest.platform;
