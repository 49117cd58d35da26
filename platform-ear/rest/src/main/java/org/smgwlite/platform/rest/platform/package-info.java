/**
 * The platform itself over REST: its root certificate, public like the EST {@code /cacerts} answer, for pinning in
 * gateways; the scheduled jobs' runs across the cluster, for platform administrators.
 */
package org.smgwlite.platform.rest.platform;
