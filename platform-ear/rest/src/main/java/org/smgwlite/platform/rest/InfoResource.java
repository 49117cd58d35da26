package org.smgwlite.platform.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Public, unauthenticated: what this server is, for clients checking they reached the platform. */
@Path("info")
public class InfoResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> info() {
        Package p = InfoResource.class.getPackage();
        return Map.of("name", "SMGW.Lite platform",
                "version", String.valueOf(p.getImplementationVersion()));
    }
}
