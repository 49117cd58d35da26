package org.smgwlite.platform.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer tokens against a realm served by a local JWKS endpoint, shaped as Keycloak issues and publishes them. */
class AccessTokensTest {

    private static final String CLIENT = "smgw-platform";
    private static KeyPair realmKey;
    private static KeyPair otherKey;
    private static KeyPair ecKey;

    private HttpServer realm;
    private String issuer;
    private volatile String jwks;
    private final AtomicInteger fetches = new AtomicInteger();
    private final MovableClock clock = new MovableClock();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        realmKey = rsa.generateKeyPair();
        otherKey = rsa.generateKeyPair();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ecKey = ec.generateKeyPair();
    }

    @BeforeEach
    void realm() throws Exception {
        jwks = jwks(rsaJwk("k1", realmKey));
        realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        realm.createContext("/realms/test/protocol/openid-connect/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        realm.start();
        issuer = "http://127.0.0.1:" + realm.getAddress().getPort() + "/realms/test";
    }

    @AfterEach
    void stop() {
        realm.stop(0);
    }

    private AccessTokens verifier() {
        AccessTokens tokens = new AccessTokens();
        tokens.issuer = issuer;
        tokens.clientId = CLIENT;
        tokens.clock = clock;
        return tokens;
    }

    /** An access token as Keycloak issues it to our client: azp is the client, aud only "account". */
    private Claims access() {
        long now = clock.instant().getEpochSecond();
        return new Claims().with("iss", "\"" + issuer + "\"").with("typ", "\"Bearer\"").with("azp", "\"" + CLIENT + "\"")
                .with("aud", "\"account\"").with("iat", now).with("exp", now + 300)
                .with("preferred_username", "\"operator\"").with("groups", "[\"operator\"]").with("tenant", "\"stadtwerke-demo\"");
    }

    @Test
    void a_token_of_the_realm_names_user_roles_and_tenant() throws Exception {
        Caller caller = verifier().verify(rs256("k1", access(), realmKey.getPrivate()));

        assertThat(caller.username()).isEqualTo("operator");
        assertThat(caller.hasRole("operator")).isTrue();
        assertThat(caller.hasRole("platform-admin")).isFalse();
        assertThat(caller.tenant()).isEqualTo(Optional.of("stadtwerke-demo"));
    }

    @Test
    void a_token_for_another_client_is_refused_one_with_our_client_in_aud_is_accepted() throws Exception {
        assertThatThrownBy(() -> verifier().verify(rs256("k1", access().with("azp", "\"other-app\""), realmKey.getPrivate())))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("not for client smgw-platform");
        assertThatThrownBy(() -> verifier().verify(rs256("k1", access().with("azp", "\"other-app\"").with("aud", "[\"account\",\"billing\"]"),
                realmKey.getPrivate()))).hasMessageContaining("not for client smgw-platform");

        assertThat(verifier().verify(rs256("k1", access().with("azp", "\"other-app\"").with("aud", "[\"account\",\"" + CLIENT + "\"]"),
                realmKey.getPrivate())).username()).isEqualTo("operator");
    }

    @Test
    void an_id_token_is_refused() throws Exception {
        assertThatThrownBy(() -> verifier().verify(rs256("k1", access().with("typ", "\"ID\"").with("aud", "\"" + CLIENT + "\""),
                realmKey.getPrivate()))).isInstanceOf(InvalidTokenException.class).hasMessageContaining("token type ID is not Bearer");
    }

    @Test
    void not_yet_valid_and_future_issued_tokens_are_refused_small_skew_is_tolerated() throws Exception {
        long now = clock.instant().getEpochSecond();
        assertThatThrownBy(() -> verifier().verify(rs256("k1", access().with("nbf", now + 600), realmKey.getPrivate())))
                .hasMessageContaining("not valid before");
        assertThatThrownBy(() -> verifier().verify(rs256("k1", access().with("iat", now + 3600).with("exp", now + 4000),
                realmKey.getPrivate()))).hasMessageContaining("issued in the future");

        assertThat(verifier().verify(rs256("k1", access().with("nbf", now + 30).with("iat", now + 30), realmKey.getPrivate())))
                .isNotNull();
    }

    @Test
    void an_es256_token_verifies_with_the_realms_ec_key() throws Exception {
        jwks = jwks(rsaJwk("k1", realmKey), ecJwk("e1", ecKey));

        assertThat(verifier().verify(es256("e1", access(), ecKey.getPrivate())).username()).isEqualTo("operator");
        assertThatThrownBy(() -> verifier().verify(rs256("e1", access(), realmKey.getPrivate())))
                .hasMessageContaining("does not fit the key");
    }

    @Test
    void a_rotated_in_key_is_fetched_when_a_token_names_it() throws Exception {
        AccessTokens tokens = verifier();
        tokens.verify(rs256("k1", access(), realmKey.getPrivate()));
        KeyPair rotated = otherKey;
        jwks = jwks(rsaJwk("k1", realmKey), rsaJwk("k2", rotated));
        clock.advance(RealmKeys.MIN_INTERVAL.plusSeconds(1));

        assertThat(tokens.verify(rs256("k2", access(), rotated.getPrivate())).username()).isEqualTo("operator");
    }

    @Test
    void unknown_key_ids_fetch_at_most_once_per_interval() throws Exception {
        AccessTokens tokens = verifier();
        tokens.verify(rs256("k1", access(), realmKey.getPrivate()));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> tokens.verify(rs256("made-up", access(), realmKey.getPrivate())))
                    .hasMessageContaining("unknown signing key");
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void a_key_the_realm_no_longer_publishes_is_refused_after_the_periodic_refresh() throws Exception {
        AccessTokens tokens = verifier();
        tokens.verify(rs256("k1", access(), realmKey.getPrivate()));
        jwks = jwks(rsaJwk("k2", otherKey));
        clock.advance(RealmKeys.MAX_AGE.plusSeconds(1));

        assertThatThrownBy(() -> tokens.verify(rs256("k1", access(), realmKey.getPrivate())))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("unknown signing key k1");
    }

    @Test
    void a_token_signed_with_another_key_is_refused() throws Exception {
        assertThatThrownBy(() -> verifier().verify(rs256("k1", access(), otherKey.getPrivate())))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature does not verify");
    }

    @Test
    void changed_claims_break_the_signature() throws Exception {
        String good = rs256("k1", access(), realmKey.getPrivate());
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + b64(access().with("groups", "[\"platform-admin\"]").json().getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThatThrownBy(() -> verifier().verify(forged)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void another_issuer_an_expired_token_alg_none_and_an_unknown_key_are_refused() throws Exception {
        assertThatThrownBy(() -> verifier().verify(rs256("k1", access().with("iss", "\"http://evil/realms/test\""), realmKey.getPrivate())))
                .hasMessageContaining("issuer");
        assertThatThrownBy(() -> verifier().verify(rs256("k1", access().with("exp", clock.instant().minusSeconds(120).getEpochSecond()),
                realmKey.getPrivate()))).hasMessageContaining("expired");
        assertThatThrownBy(() -> verifier().verify(b64("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(access().json().getBytes(StandardCharsets.UTF_8)) + "."))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("algorithm none not accepted");
        assertThatThrownBy(() -> verifier().verify(rs256("k2", access(), realmKey.getPrivate())))
                .hasMessageContaining("unknown signing key");
    }

    @Test
    void the_challenge_names_the_problem_as_a_safe_quoted_string() {
        assertThat(Callers.invalidTokenChallenge("issuer \"x\\y\" ü is not z"))
                .isEqualTo("Bearer realm=\"smgw\", error=\"invalid_token\", error_description=\"issuer ?x?y? ? is not z\"");
    }

    /** Claims in insertion order; {@link #with} replaces a claim of the same name. */
    private static final class Claims {
        private final List<String[]> entries = new ArrayList<>();

        Claims with(String name, Object json) {
            entries.removeIf(e -> e[0].equals(name));
            entries.add(new String[] {name, String.valueOf(json)});
            return this;
        }

        String json() {
            StringBuilder s = new StringBuilder("{");
            entries.forEach(e -> s.append(s.length() > 1 ? "," : "").append('"').append(e[0]).append("\":").append(e[1]));
            return s.append('}').toString();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static String rs256(String kid, Claims claims, PrivateKey key) throws Exception {
        return sign("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}", claims, key, "SHA256withRSA");
    }

    private static String es256(String kid, Claims claims, PrivateKey key) throws Exception {
        return sign("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}", claims, key, "SHA256withECDSAinP1363Format");
    }

    private static String sign(String header, Claims claims, PrivateKey key, String algorithm) throws Exception {
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.json().getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance(algorithm);
        s.initSign(key);
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(s.sign());
    }

    private static String jwks(String... keys) {
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    private static String rsaJwk(String kid, KeyPair pair) {
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        return "{\"kid\":\"" + kid + "\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + b64(unsigned(pub.getModulus()))
                + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}";
    }

    private static String ecJwk(String kid, KeyPair pair) {
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        return "{\"kid\":\"" + kid + "\",\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"use\":\"sig\",\"x\":\""
                + b64(unsigned(pub.getW().getAffineX())) + "\",\"y\":\"" + b64(unsigned(pub.getW().getAffineY())) + "\"}";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
