package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

/**
 * The foundation's smoke test: through the gateway, with tokens from the real Keycloak realm.
 * Follows the README's walk-through (get a token for a demo citizen, call /api/me).
 */
class SignOnSmokeIT {

    private static final String ME = GATEWAY + "/api/me";

    @Test
    void withoutATokenTheGatewayAnswers401AsProblemJson() {
        var response = Suite.get(ME, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblemJson(response);
    }

    @Test
    void aDemoCitizensTokenCarriesTheNationalIdAndCitizenRoleAndTheGatewayAcceptsIt() {
        String token = Suite.token("citizen1");
        var claims = Suite.claims(token);
        assertThat(claims.get("national_id").asString()).isEqualTo("28463400001");
        assertThat(claims.get("realm_access").get("roles").valueStream().map(n -> n.asString()))
            .contains("citizen");

        var response = Suite.get(ME, token);

        assertThat(response.statusCode()).isEqualTo(200);
        var me = Suite.json(response.body());
        assertThat(me.get("subject").asString()).isEqualTo(claims.get("sub").asString());
        assertThat(me.get("national_id").asString()).isEqualTo("28463400001");
        assertThat(me.get("roles").valueStream().map(n -> n.asString())).contains("citizen");
        assertThat(me.get("username").asString()).isEqualTo("citizen1");
    }

    @Test
    void theReadmeWalkThroughWorks() throws Exception {
        // TOKEN=$(./bawaba token citizen1); curl -H "Authorization: Bearer $TOKEN" .../api/me
        var root = java.nio.file.Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
        Process token = new ProcessBuilder(root.resolve("bawaba").toString(), "token", "citizen1")
            .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String jwt = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(token.waitFor()).isZero();

        var response = Suite.get(ME, jwt);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Suite.json(response.body()).get("username").asString()).isEqualTo("citizen1");
    }

    @Test
    void staffTokensCarryTheirAgencyAndArabicSpeakersTheirLocale() {
        var staff = Suite.json(Suite.get(ME, Suite.token("moi-staff")).body());
        assertThat(staff.get("agency").asString()).isEqualTo("moi");
        assertThat(staff.get("roles").valueStream().map(n -> n.asString())).contains("agency-staff");

        var arabic = Suite.json(Suite.get(ME, Suite.token("citizen3")).body());
        assertThat(arabic.get("locale").asString()).isEqualTo("ar");
    }

    @Test
    void aTokenWhosePayloadWasAlteredIs401() {
        String[] parts = Suite.token("citizen2").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("28563400002", "28463400001");
        String altered = parts[0] + "." + encode(payload) + "." + parts[2];

        var response = Suite.get(ME, altered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblemJson(response);
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheRealmsKeyIdIs401() throws Exception {
        String genuine = Suite.token("citizen1");
        var realmHeader = SignedJWT.parse(genuine).getHeader();
        var forger = new RSAKeyGenerator(2048).keyID(realmHeader.getKeyID()).generate();
        var claims = JWTClaimsSet.parse(SignedJWT.parse(genuine).getJWTClaimsSet().toJSONObject());
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).build(), claims);
        forged.sign(new RSASSASigner(forger));

        var response = Suite.get(ME, forged.serialize());

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblemJson(response);
    }

    @Test
    void anUnsignedTokenIs401() throws Exception {
        var claims = SignedJWT.parse(Suite.token("citizen1")).getJWTClaimsSet();
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toString()) + ".";

        assertThat(Suite.get(ME, unsigned).statusCode()).isEqualTo(401);
    }

    @Test
    void aKeycloakTokenIsRefusedOnceItHasExpired() throws Exception {
        try (var client = ShortLivedClient.create()) {
            String token = client.token("citizen1");
            Instant expiry = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
            assertThat(Suite.get(ME, token).statusCode()).isEqualTo(200);

            // The gateway allows a little clock skew; poll until it refuses, within a bound.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            int status = 200;
            while (status == 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                status = Suite.get(ME, token).statusCode();
            }
            assertThat(status).isEqualTo(401);
            assertThat(Instant.now()).isAfter(expiry);
        }
    }

    @Test
    void aTokenForAnotherIssuerIs401() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("elsewhere").generate();
        var claims = new JWTClaimsSet.Builder().issuer("https://elsewhere.example/realms/bawaba")
            .subject(UUID.randomUUID().toString()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .claim("national_id", "28463400001").build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));

        assertThat(Suite.get(ME, jwt.serialize()).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownRouteIs404ProblemJson() {
        var response = Suite.get(GATEWAY + "/api/no-such-service/anything", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblemJson(response);
    }

    private static void assertProblemJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/problem+json"));
        var problem = Suite.json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A throw-away realm client whose access tokens live one second, made with the admin API. */
    private record ShortLivedClient(String clientId, String location, String adminToken) implements AutoCloseable {

        static ShortLivedClient create() {
            String adminToken = Suite.keycloakAdmin();
            String clientId = "e2e-short-lived-" + UUID.randomUUID();
            var created = Suite.postJson(Suite.KEYCLOAK + "/admin/realms/bawaba/clients", """
                {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false, "attributes": {"access.token.lifespan": "1"},
                 "protocolMappers": [{"name": "audience bawaba-api", "protocol": "openid-connect",
                   "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.custom.audience": "bawaba-api", "access.token.claim": "true"}}]}
                """.formatted(clientId), adminToken);
            assertThat(created.statusCode()).as("create client: %s", created.body()).isEqualTo(201);
            return new ShortLivedClient(clientId, created.headers().firstValue("Location").orElseThrow(), adminToken);
        }

        String token(String username) {
            var response = Suite.postForm(Suite.REALM + "/protocol/openid-connect/token", Map.of(
                "client_id", clientId, "grant_type", "password", "username", username, "password", "demo"), null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return Suite.json(response.body()).get("access_token").asString();
        }

        @Override
        public void close() {
            Suite.send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + adminToken).DELETE().build());
        }
    }
}
