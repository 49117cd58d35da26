package org.smgwlite.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All resources of the WAR (context root /api) are served from its root. */
@ApplicationPath("/")
public class RestApplication extends Application {
}
