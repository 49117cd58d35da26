/**
 * The platform's REST API under /api: thin resources over the core's application services, and
 * the mappers that turn domain exceptions into JSON errors with a status.
 */
package org.smgwlite.platform.rest;
