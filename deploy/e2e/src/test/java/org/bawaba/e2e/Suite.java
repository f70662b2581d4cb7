package org.bawaba.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The running suite as a citizen's curl sees it: the gateway and Keycloak, nothing in between. */
final class Suite {

    static final String GATEWAY = System.getProperty("bawaba.gateway", "http://localhost:8080");
    static final String KEYCLOAK = System.getProperty("bawaba.keycloak", "http://localhost:8180");
    static final String REALM = KEYCLOAK + "/realms/bawaba";

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Suite() {
    }

    static HttpResponse<String> get(String url, String bearer) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static HttpResponse<String> postForm(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /**
     * Onboards the interior ministry (again, if another test did) with its service and its test-only
     * system "e2e-probe", rotates that system's secret and returns its client-credentials token: a
     * client of the ministry's own (agency claim and role) that leaves the running moi-identity's
     * configured secret alone.
     */
    static String ministrySystemToken() {
        String admin = token("platform-admin");
        var onboarded = putJson(GATEWAY + "/api/auth/agencies/moi", """
            {"name": {"en": "Ministry of Interior", "ar": "وزارة الداخلية"}, "services": ["identity", "e2e-probe"]}""",
            admin);
        org.assertj.core.api.Assertions.assertThat(onboarded.statusCode()).as(onboarded.body()).isIn(200, 201);
        // the secret is shown once, when the client is created: a rotation gives the test its own
        var rotated = postJson(GATEWAY + "/api/auth/agencies/moi/services/e2e-probe/secret", "", admin);
        org.assertj.core.api.Assertions.assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        return json(postForm(REALM + "/protocol/openid-connect/token", Map.of(
            "grant_type", "client_credentials", "client_id", "moi-e2e-probe",
            "client_secret", json(rotated.body()).get("clientSecret").asString()), null).body())
            .get("access_token").asString();
    }

    /** A JSON {@code PUT}; 30 s, enough for onboarding an agency (a dozen calls to Keycloak). */
    static HttpResponse<String> putJson(String url, String json, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Asks every 500 ms until the answer satisfies {@code done} or {@code timeout} passed; the last answer. */
    static HttpResponse<String> await(java.util.function.Supplier<HttpResponse<String>> call,
            java.util.function.Predicate<HttpResponse<String>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> response = call.get();
        while (!done.test(response) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            response = call.get();
        }
        return response;
    }

    static HttpResponse<String> postJson(String url, String json, String bearer) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " is not answering: is the suite running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A demo user's access token, exactly as the README's walk-through gets one. */
    static String token(String username) {
        var response = postForm(REALM + "/protocol/openid-connect/token", Map.of(
            "client_id", "bawaba-cli", "grant_type", "password", "scope", "openid",
            "username", username, "password", "demo"), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response.body());
        }
        return json(response.body()).get("access_token").asString();
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** The claims of a JWT, read without verifying it (the gateway verifies; this only looks). */
    static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return json(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
