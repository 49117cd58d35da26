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
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer tokens against a realm served by a local JWKS endpoint, as Keycloak publishes it. */
class AccessTokensTest {

    private static HttpServer realm;
    private static String issuer;
    private static KeyPair realmKey;
    private static KeyPair otherKey;

    @BeforeAll
    static void realm() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        realmKey = rsa.generateKeyPair();
        otherKey = rsa.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) realmKey.getPublic();
        String jwks = "{\"keys\":[{\"kid\":\"k1\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + b64(unsigned(pub.getModulus()))
                + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}";
        realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        realm.createContext("/realms/test/protocol/openid-connect/certs", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        realm.start();
        issuer = "http://127.0.0.1:" + realm.getAddress().getPort() + "/realms/test";
    }

    @AfterAll
    static void stop() {
        realm.stop(0);
    }

    private static AccessTokens verifier() {
        AccessTokens tokens = new AccessTokens();
        tokens.issuer = issuer;
        return tokens;
    }

    private static String claims(String iss, long exp) {
        return "{\"iss\":\"" + iss + "\",\"exp\":" + exp + ",\"preferred_username\":\"operator\","
                + "\"groups\":[\"operator\"],\"tenant\":\"stadtwerke-demo\"}";
    }

    private static String token(String header, String claims, PrivateKey key) throws Exception {
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(s.sign());
    }

    private static final String HEADER = "{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}";

    private static long inAMinute() {
        return Instant.now().plusSeconds(60).getEpochSecond();
    }

    @Test
    void a_token_of_the_realm_names_user_roles_and_tenant() throws Exception {
        Caller caller = verifier().verify(token(HEADER, claims(issuer, inAMinute()), realmKey.getPrivate()));

        assertThat(caller.username()).isEqualTo("operator");
        assertThat(caller.hasRole("operator")).isTrue();
        assertThat(caller.hasRole("platform-admin")).isFalse();
        assertThat(caller.tenant()).isEqualTo(Optional.of("stadtwerke-demo"));
    }

    @Test
    void a_token_signed_with_another_key_is_refused() throws Exception {
        assertThatThrownBy(() -> verifier().verify(token(HEADER, claims(issuer, inAMinute()), otherKey.getPrivate())))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature does not verify");
    }

    @Test
    void changed_claims_break_the_signature() throws Exception {
        String good = token(HEADER, claims(issuer, inAMinute()), realmKey.getPrivate());
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + b64(claims(issuer, inAMinute()).replace("operator\"]", "platform-admin\"]")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> verifier().verify(forged)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void another_issuer_an_expired_token_alg_none_and_an_unknown_key_are_refused() throws Exception {
        assertThatThrownBy(() -> verifier().verify(token(HEADER, claims("http://evil/realms/test", inAMinute()), realmKey.getPrivate())))
                .hasMessageContaining("issuer");
        assertThatThrownBy(() -> verifier().verify(token(HEADER, claims(issuer, Instant.now().minusSeconds(120).getEpochSecond()),
                realmKey.getPrivate()))).hasMessageContaining("expired");
        assertThatThrownBy(() -> verifier().verify(b64("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims(issuer, inAMinute()).getBytes(StandardCharsets.UTF_8)) + "."))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier().verify(token("{\"alg\":\"RS256\",\"kid\":\"k2\"}", claims(issuer, inAMinute()),
                realmKey.getPrivate()))).hasMessageContaining("unknown signing key");
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
