package org.smgwlite.platform.rest;

import java.util.Map;

/** The JSON body of every error response: a status, a message, and per-field messages where known. */
public record ErrorBody(int status, String error, Map<String, String> fields) {
}
