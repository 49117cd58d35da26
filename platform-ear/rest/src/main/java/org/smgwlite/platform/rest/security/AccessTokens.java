package org.smgwlite.platform.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies Keycloak access tokens for the operator API: a compact JWS signed RS256 with a key from the
 * realm's JWKS ({@code <provider>/protocol/openid-connect/certs}, fetched again for an unknown key id, at
 * most every 30 s), issued by {@code smgw.oidc.provider-uri}, not expired.
 *
 * <p>Why not MicroProfile JWT: in this EAR the admin UI's OpenID Connect mechanism is a CDI bean visible to
 * every module, and a second HttpAuthenticationMechanism in the REST WAR makes Soteria fail every request
 * with an ambiguous resolution. Checking the bearer token here leaves the container's mechanism alone.
 */
@ApplicationScoped
public class AccessTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Inject
    @ConfigProperty(name = "smgw.oidc.provider-uri", defaultValue = "http://localhost:8180/realms/smgw")
    String issuer;

    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private volatile Instant lastFetch = Instant.EPOCH;

    /**
     * The caller a bearer token stands for.
     *
     * @throws InvalidTokenException saying what is wrong with it
     */
    public Caller verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new InvalidTokenException("not a compact JWS");
        }
        JsonObject header = json(parts[0]);
        if (!"RS256".equals(header.getString("alg", ""))) {
            throw new InvalidTokenException("algorithm " + header.getString("alg", "none") + " not accepted, only RS256");
        }
        PublicKey key = key(header.getString("kid", ""));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new InvalidTokenException("signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidTokenException("signature cannot be verified: " + e.getMessage());
        }
        JsonObject claims = json(parts[1]);
        if (!issuer.equals(claims.getString("iss", ""))) {
            throw new InvalidTokenException("issuer " + claims.getString("iss", "none") + " is not " + issuer);
        }
        Instant now = Instant.now();
        if (!claims.containsKey("exp") || Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue()).plus(CLOCK_SKEW).isBefore(now)) {
            throw new InvalidTokenException("token expired");
        }
        Set<String> roles = new HashSet<>();
        if (claims.get("groups") instanceof jakarta.json.JsonArray groups) {
            groups.getValuesAs(JsonString.class).forEach(g -> roles.add(g.getString()));
        }
        String username = claims.getString("preferred_username", claims.getString("sub", "?"));
        JsonValue tenant = claims.get("tenant");
        return new Caller(username,
                tenant instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty(),
                Set.copyOf(roles));
    }

    private PublicKey key(String kid) {
        PublicKey key = keys.get(kid);
        if (key == null) {
            key = fetchedKey(kid);
        }
        if (key == null) {
            throw new InvalidTokenException("unknown signing key " + kid);
        }
        return key;
    }

    /**
     * The key after fetching the realm's keys again, at most once per {@link #REFETCH_INTERVAL}. Check and fetch are
     * one critical section: a caller that waited for another's fetch finds the key that fetch brought, instead of
     * being refused because the fetch was "recent".
     */
    private synchronized PublicKey fetchedKey(String kid) {
        PublicKey key = keys.get(kid);
        if (key == null && Instant.now().isAfter(lastFetch.plus(REFETCH_INTERVAL))) {
            fetchKeys();
            key = keys.get(kid);
        }
        return key;
    }

    private void fetchKeys() {
        lastFetch = Instant.now();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/certs"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new InvalidTokenException("cannot fetch the realm's keys: HTTP " + response.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                for (JsonObject jwk : reader.readObject().getJsonArray("keys").getValuesAs(JsonObject.class)) {
                    if ("RSA".equals(jwk.getString("kty", "")) && "sig".equals(jwk.getString("use", "sig"))) {
                        keys.put(jwk.getString("kid", ""), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e"))))));
                    }
                }
            }
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new InvalidTokenException("cannot fetch the realm's keys: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidTokenException("interrupted while fetching the realm's keys");
        }
    }

    private static JsonObject json(String base64url) {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new InvalidTokenException("token part is not base64url JSON");
        }
    }
}
