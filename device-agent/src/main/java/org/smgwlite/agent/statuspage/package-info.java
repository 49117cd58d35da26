/**
 * The local status page: a small HTTP server (JDK {@code com.sun.net.httpserver}, localhost by default) showing the
 * last reading, power, store fill, last upload and the Eichlog tail, and taking local TAF 6 requests.
 */
package org.smgwlite.agent.statuspage;
