/**
 * Signals between the nodes of a deployment group over PostgreSQL {@code LISTEN/NOTIFY}: a change sends its signal in
 * its own transaction (delivered on commit only, to every node), and each node listens on a connection of its own.
 */
package org.smgwlite.platform.cluster;
