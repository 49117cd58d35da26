/**
 * Where meter bytes come from: a serial port (jSerialComm), a TCP socket of a network IR reader, a file replay.
 * Sources only deliver bytes; framing and decoding happen downstream.
 */
package org.smgwlite.agent.source;
