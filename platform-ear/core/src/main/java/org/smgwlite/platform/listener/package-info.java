/** Which listener serves what: the device port (8443) only the device API and EST, the browser ports
 *  everything else; one rule ({@link org.smgwlite.platform.listener.ListenerPaths}) that each WAR's filter applies. */
package org.smgwlite.platform.listener;
