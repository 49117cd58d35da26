package org.smgwlite.platform.rest.legacy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address an SMGW.Lite request came from, for the failure limit: the connection's peer, or, when the peer is one
 * of the owner's reverse proxies ({@code smgw.legacy.trusted-proxies}), the address that proxy appended last to
 * {@code X-Forwarded-For}. Behind a proxy without this setting every gateway shares the proxy's address and so its
 * failure count; a forwarding header from anyone else is ignored (it could name any address).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** @param trustedProxies comma-separated addresses, blank for none */
    static Set<String> parse(String trustedProxies) {
        return trustedProxies == null ? Set.of() : Arrays.stream(trustedProxies.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return hops.isEmpty() ? peer : hops.get(hops.size() - 1);
    }
}
