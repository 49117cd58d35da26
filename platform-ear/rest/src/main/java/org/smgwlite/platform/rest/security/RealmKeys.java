package org.smgwlite.platform.rest.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The realm's signing keys, as its JWKS publishes them now. The set is replaced as a whole on every fetch, so a
 * key the realm no longer publishes (rotated out) stops being trusted; it is fetched again every
 * {@link #MAX_AGE}, and when a token names a key id we do not know (a rotated-in key), but at most once per
 * {@link #MIN_INTERVAL} so that tokens with made-up key ids cannot make us hammer the realm.
 */
final class RealmKeys {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(RealmKeys.class.getName());

    private final Supplier<String> jwks;
    private final Clock clock;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetched = Instant.EPOCH;
    private volatile boolean everFetched;

    /** @param jwks fetches the JWKS document; throws {@link InvalidTokenException} when it cannot */
    RealmKeys(Supplier<String> jwks, Clock clock) {
        this.jwks = jwks;
        this.clock = clock;
    }

    /** @throws InvalidTokenException when the realm does not publish a key with this id */
    PublicKey key(String kid) {
        Instant now = clock.instant();
        PublicKey key = keys.get(kid);
        if (key != null && !now.isAfter(fetched.plus(MAX_AGE))) {
            return key;
        }
        key = refreshedKey(kid);
        if (key == null) {
            throw new InvalidTokenException("unknown signing key " + kid);
        }
        return key;
    }

    /**
     * Check and fetch are one critical section: a caller that waited for another's fetch finds the key that fetch
     * brought, instead of being refused because the fetch was "recent".
     */
    private synchronized PublicKey refreshedKey(String kid) {
        Instant now = clock.instant();
        boolean stale = now.isAfter(fetched.plus(MAX_AGE));
        boolean unknownMayFetch = !keys.containsKey(kid) && (!everFetched || now.isAfter(fetched.plus(MIN_INTERVAL)));
        if (stale || unknownMayFetch) {
            fetched = now;
            everFetched = true;
            try {
                keys = parse(jwks.get());
            } catch (InvalidTokenException e) {
                if (!keys.containsKey(kid)) {
                    throw e;
                }
                // Keycloak briefly unreachable: the key was published at the last fetch; try again after MIN_INTERVAL.
                fetched = now.minus(MAX_AGE).plus(MIN_INTERVAL);
                LOG.warning("keeping the realm's keys of the last fetch: " + e.getMessage());
            }
        }
        return keys.get(kid);
    }

    /** The signing keys of a JWKS document (RFC 7517): RSA and EC P-256/P-384/P-521, keyed by {@code kid}. */
    static Map<String, PublicKey> parse(String document) {
        Map<String, PublicKey> parsed = new HashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(document))) {
            for (JsonObject jwk : reader.readObject().getJsonArray("keys").getValuesAs(JsonObject.class)) {
                if (!"sig".equals(jwk.getString("use", "sig"))) {
                    continue;
                }
                switch (jwk.getString("kty", "")) {
                    case "RSA" -> parsed.put(jwk.getString("kid", ""), KeyFactory.getInstance("RSA").generatePublic(
                            new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e"))));
                    case "EC" -> parsed.put(jwk.getString("kid", ""), KeyFactory.getInstance("EC").generatePublic(
                            new ECPublicKeySpec(new ECPoint(number(jwk, "x"), number(jwk, "y")), curve(jwk.getString("crv", "")))));
                    default -> { /* not a key type we verify with */ }
                }
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidTokenException("the realm's keys cannot be read: " + e.getMessage());
        }
        return Map.copyOf(parsed);
    }

    private static BigInteger number(JsonObject jwk, String field) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString(field)));
    }

    private static ECParameterSpec curve(String crv) throws GeneralSecurityException {
        String name = switch (crv) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw new GeneralSecurityException("curve " + crv + " not supported");
        };
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(name));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }
}
