package org.smgwlite.platform.rest.security;

import java.util.Optional;
import java.util.Set;

/** A signed-in caller of the REST API, from a verified access token. */
public record Caller(String username, Optional<String> tenant, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
