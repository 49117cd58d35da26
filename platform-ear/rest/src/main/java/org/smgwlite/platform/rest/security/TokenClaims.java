package org.smgwlite.platform.rest.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The claims that bind a signed token to this platform, now: issued by our realm ({@code iss}), an access token
 * ({@code typ} {@code Bearer}; Keycloak's ID tokens say {@code ID} and are refused), meant for our client
 * ({@code aud} contains it or {@code azp} is it; Keycloak's access tokens name the requesting client in
 * {@code azp} and often only {@code account} in {@code aud}), and valid now ({@code exp}, {@code nbf},
 * {@code iat} with {@link #CLOCK_SKEW} of tolerance between the realm's clock and ours).
 */
final class TokenClaims {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;
    private final Clock clock;

    TokenClaims(String issuer, String clientId, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
    }

    /** @throws InvalidTokenException naming the first claim that does not hold */
    void check(JsonObject claims) {
        if (!issuer.equals(text(claims, "iss"))) {
            throw new InvalidTokenException("issuer " + text(claims, "iss") + " is not " + issuer);
        }
        if (!"Bearer".equals(text(claims, "typ"))) {
            throw new InvalidTokenException("token type " + text(claims, "typ") + " is not Bearer (an access token is needed)");
        }
        if (!audience(claims.get("aud")) && !clientId.equals(text(claims, "azp"))) {
            throw new InvalidTokenException("token is for audience " + audienceText(claims.get("aud")) + " and party "
                    + text(claims, "azp") + ", not for client " + clientId);
        }
        Instant now = clock.instant();
        Instant expires = time(claims, "exp");
        if (expires == null) {
            throw new InvalidTokenException("token has no expiry (exp)");
        }
        if (expires.plus(CLOCK_SKEW).isBefore(now)) {
            throw new InvalidTokenException("token expired");
        }
        Instant notBefore = time(claims, "nbf");
        if (notBefore != null && notBefore.minus(CLOCK_SKEW).isAfter(now)) {
            throw new InvalidTokenException("token not valid before " + notBefore);
        }
        Instant issued = time(claims, "iat");
        if (issued != null && issued.minus(CLOCK_SKEW).isAfter(now)) {
            throw new InvalidTokenException("token issued in the future (" + issued + ")");
        }
    }

    private boolean audience(JsonValue aud) {
        if (aud instanceof JsonString one) {
            return clientId.equals(one.getString());
        }
        return aud instanceof JsonArray many && many.stream()
                .anyMatch(v -> v instanceof JsonString s && clientId.equals(s.getString()));
    }

    private static String audienceText(JsonValue aud) {
        if (aud instanceof JsonArray many) {
            return String.join(" ", many.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList());
        }
        return aud instanceof JsonString one ? one.getString() : "none";
    }

    private static String text(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonString s ? s.getString() : "none";
    }

    private static Instant time(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber n)) {
            throw new InvalidTokenException("claim " + name + " is not a number");
        }
        return Instant.ofEpochSecond(n.longValue());
    }
}
