package org.smgwlite.devstack;

import java.util.List;
import java.util.Optional;

/**
 * A user of the {@code smgw} realm in {@code keycloak/smgw-demo-realm.json}; the password is the user name.
 *
 * @param role   the realm role, which reaches the platform as the {@code groups} claim
 * @param tenant the {@code tenant} claim; empty for the platform admin, who sees every tenant
 */
public record DemoUser(String username, String role, Optional<String> tenant) {

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("admin", "platform-admin", Optional.empty()),
            new DemoUser("operator", "operator", Optional.of("stadtwerke-demo")),
            new DemoUser("operator2", "operator", Optional.of("buergerenergie-nord")),
            new DemoUser("household", "household", Optional.of("stadtwerke-demo")),
            new DemoUser("household2", "household", Optional.of("stadtwerke-demo")));

    public String password() {
        return username;
    }
}
