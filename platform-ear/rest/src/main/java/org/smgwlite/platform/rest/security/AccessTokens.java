package org.smgwlite.platform.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies Keycloak access tokens for the operator API, in four steps: the compact JWS is split, its key is
 * looked up among the realm's published keys ({@link RealmKeys}), the signature is verified (RS256 or
 * ES256/384/512, matching the key's type), and the claims are checked against this platform
 * ({@link TokenClaims}: issuer, access token, our client, valid now).
 *
 * <p>Why not MicroProfile JWT: in this EAR the admin UI's OpenID Connect mechanism is a CDI bean visible to
 * every module, and a second HttpAuthenticationMechanism in the REST WAR makes Soteria fail every request
 * with an ambiguous resolution. Checking the bearer token here leaves the container's mechanism alone.
 */
@ApplicationScoped
public class AccessTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** JWS algorithm to JCA signature (ECDSA in the JWS's raw R||S form) and the key type it needs. */
    private static final Map<String, String> ALGORITHMS = Map.of(
            "RS256", "SHA256withRSA",
            "ES256", "SHA256withECDSAinP1363Format",
            "ES384", "SHA384withECDSAinP1363Format",
            "ES512", "SHA512withECDSAinP1363Format");

    @Inject
    @ConfigProperty(name = "smgw.oidc.provider-uri", defaultValue = "http://localhost:8180/realms/smgw")
    String issuer;

    @Inject
    @ConfigProperty(name = "smgw.oidc.client-id", defaultValue = "smgw-platform")
    String clientId;

    Clock clock = Clock.systemUTC();

    private volatile RealmKeys keys;

    /**
     * The caller a bearer token stands for.
     *
     * @throws InvalidTokenException saying what is wrong with it
     */
    public Caller verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("not a compact JWS");
        }
        JsonObject header = json(parts[0]);
        String alg = header.getString("alg", "none");
        if (!ALGORITHMS.containsKey(alg)) {
            throw new InvalidTokenException("algorithm " + alg + " not accepted, only " + String.join(", ", ALGORITHMS.keySet()));
        }
        verifySignature(alg, realmKeys().key(header.getString("kid", "")), parts);
        JsonObject claims = json(parts[1]);
        new TokenClaims(issuer, clientId, clock).check(claims);
        return caller(claims);
    }

    private static void verifySignature(String alg, PublicKey key, String[] parts) {
        if (alg.startsWith("RS") != key instanceof RSAPublicKey || alg.startsWith("ES") != key instanceof ECPublicKey) {
            throw new InvalidTokenException("algorithm " + alg + " does not fit the key's type " + key.getAlgorithm());
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHMS.get(alg));
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new InvalidTokenException("signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidTokenException("signature cannot be verified");
        }
    }

    private static Caller caller(JsonObject claims) {
        Set<String> roles = new HashSet<>();
        if (claims.get("groups") instanceof JsonArray groups) {
            groups.getValuesAs(JsonString.class).forEach(g -> roles.add(g.getString()));
        }
        String username = claims.getString("preferred_username", claims.getString("sub", "?"));
        JsonValue tenant = claims.get("tenant");
        return new Caller(username,
                tenant instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty(),
                Set.copyOf(roles));
    }

    private RealmKeys realmKeys() {
        RealmKeys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = new RealmKeys(this::fetchJwks, clock);
                }
                k = keys;
            }
        }
        return k;
    }

    private String fetchJwks() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/certs"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new InvalidTokenException("cannot fetch the realm's keys: HTTP " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new InvalidTokenException("cannot fetch the realm's keys: " + e.getClass().getSimpleName());
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
