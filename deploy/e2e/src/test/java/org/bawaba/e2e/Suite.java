package org.bawaba.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The running suite as a citizen's curl sees it: the gateway and Keycloak, nothing in between. */
final class Suite {

    static final String GATEWAY = System.getProperty("bawaba.gateway", "http://localhost:8080");
    static final String KEYCLOAK = System.getProperty("bawaba.keycloak", "http://localhost:8180");
    static final String REALM = KEYCLOAK + "/realms/bawaba";
    /** The running suite's runtime folder: its secrets are in secrets.env. */
    static final Path RUNTIME = Path.of(System.getProperty("bawaba.runtime", "../../.bawaba"));

    /** The demo staff and admins: the realm asks them for a one-time code (their authenticator's secret is documented). */
    static final Set<String> SECOND_FACTOR = Set.of("moi-staff", "moi-admin", "mme-staff", "mme-admin", "platform-admin");

    /** Tokens already issued, per demo user, reused while they have a minute left (a one-time code is used once). */
    private static final Map<String, Issued> TOKENS = new ConcurrentHashMap<>();

    /**
     * The last 30-second window whose code each demo user spent. It starts at the window the suite's tests start
     * in, taken as spent: ./bawaba run signs platform-admin, moi-staff and mme-staff in for its demo content just
     * before CI starts these tests, and the realm refuses a code used twice ("Invalid user credentials", which
     * failed ApiFuzzIT and OpendataJourneyIT once). So the first code of each is the next window's.
     */
    private static final Map<String, Long> SPENT = new ConcurrentHashMap<>();

    static {
        long window = System.currentTimeMillis() / 30_000;
        SECOND_FACTOR.forEach(user -> SPENT.put(user, window));
    }

    private record Issued(String token, long expiresAt) {
    }

    /**
     * A bound on a call that hangs, not a latency target (benchmarks under deploy/bench measure speed): with
     * --replicas on two cores, a gateway that is collecting garbage or compiling can hold a call for seconds.
     */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Suite() {
    }

    static HttpResponse<String> get(String url, String bearer) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static HttpResponse<String> postForm(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT)
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
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " is not answering (" + e + "): is the suite running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A demo user's access token, as the README's walk-through gets one ({@code ./bawaba token}): a password
     * grant, with the current one-time code for staff and admins. A token with more than a minute left is
     * reused: the realm takes each code once, so a second grant in the same 30 seconds would wait.
     */
    static String token(String username) {
        Issued issued = TOKENS.get(username);
        if (issued != null && issued.expiresAt() - System.currentTimeMillis() > 60_000) {
            return issued.token();
        }
        Map<String, String> form = new java.util.HashMap<>(Map.of(
            "client_id", "bawaba-cli", "grant_type", "password", "scope", "openid",
            "username", username, "password", "demo"));
        if (SECOND_FACTOR.contains(username)) {
            form.put("totp", freshCode(username));
        }
        var response = postForm(REALM + "/protocol/openid-connect/token", form, null);
        if (response.statusCode() != 200 && SECOND_FACTOR.contains(username)) {
            // a code someone else spent in this window (another process signing the same demo user in): once
            // more with the next window's
            form.put("totp", freshCode(username));
            response = postForm(REALM + "/protocol/openid-connect/token", form, null);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response.body()
                + "; Keycloak's brute-force record of them: " + describeFailedSignIns(username));
        }
        JsonNode body = json(response.body());
        String token = body.get("access_token").asString();
        TOKENS.put(username, new Issued(token, System.currentTimeMillis() + body.get("expires_in").asLong() * 1000));
        return token;
    }

    /**
     * A one-time code of a demo staff user that has not been used yet (the realm refuses a code twice): the
     * current window's, or, when this run already spent it, the next one's, waited for.
     */
    static synchronized String freshCode(String username) {
        long window = System.currentTimeMillis() / 30_000;
        if (SPENT.getOrDefault(username, -1L) >= window) {
            window = SPENT.get(username) + 1;
            sleepUntil(window * 30_000 + 200);
        }
        SPENT.put(username, window);
        return totp("bawaba-demo-totp-" + username, window);
    }

    /** RFC 6238 (HMAC-SHA1, 6 digits, 30-second steps), with the secret's bytes as the key, as Keycloak keeps it. */
    static String totp(String secret, long window) {
        return totp(secret.getBytes(StandardCharsets.UTF_8), window);
    }

    static String totp(byte[] key, long window) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(window).array());
            int offset = hash[hash.length - 1] & 0x0f;
            return "%06d".formatted((ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits {@code duration}. */
    static void pause(java.time.Duration duration) {
        sleepUntil(System.currentTimeMillis() + duration.toMillis());
    }

    private static void sleepUntil(long epochMillis) {
        try {
            Thread.sleep(Math.max(0, epochMillis - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many instances of each service the running suite has: N of ./bawaba run --replicas N, else 1. */
    static int replicas() {
        Path file = RUNTIME.resolve("run").resolve("replicas");
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).trim()) : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's names of a service's instances: eservices, then eservices@2 and on with --replicas. */
    static List<String> instances(String service) {
        List<String> names = new java.util.ArrayList<>(List.of(service));
        for (int k = 2; k <= replicas(); k++) {
            names.add(service + "@" + k);
        }
        return names;
    }

    /** One secret of the running installation (./bawaba secret NAME), e.g. a sample service's client secret. */
    static String secret(String name) {
        Path file = RUNTIME.resolve("secrets.env");
        try {
            return Files.readAllLines(file).stream()
                .filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no secret " + name + " in " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("the suite's secrets (" + file + ") cannot be read: is it running?", e);
        }
    }

    /**
     * The last {@code max} lines of a component's log in the running suite ({@code .bawaba/logs/<component>.log})
     * in which {@code pattern} is found; none when the log cannot be read (a suite run elsewhere).
     */
    static List<String> logLines(String component, String pattern, int max) {
        Pattern wanted = Pattern.compile(pattern);
        Path file = RUNTIME.resolve("logs").resolve(component + ".log");
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> matching = lines.filter(line -> wanted.matcher(line).find()).toList();
            return matching.subList(Math.max(0, matching.size() - max), matching.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** An access token of Keycloak's master-realm admin (admin, with this installation's generated password). */
    static String keycloakAdmin() {
        var response = postForm(KEYCLOAK + "/realms/master/protocol/openid-connect/token", Map.of(
            "grant_type", "password", "client_id", "admin-cli", "username", "admin",
            "password", secret("KEYCLOAK_ADMIN_PASSWORD")), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's admin cannot sign in: " + response.body());
        }
        return json(response.body()).get("access_token").asString();
    }

    /**
     * Keycloak's brute-force record of a user ({@code numFailures}, {@code disabled}, {@code lastFailure}): the
     * realm refuses a locked-out user's sign-in with the same "Invalid user credentials" as a wrong password.
     */
    static JsonNode failedSignIns(String username) {
        var response = get(KEYCLOAK + "/admin/realms/bawaba/attack-detection/brute-force/users/" + userId(username),
            keycloakAdmin());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no brute-force record of " + username + ": " + response.statusCode());
        }
        return json(response.body());
    }

    /** Forgets a user's failed sign-ins (and a lockout they caused), as an administrator would. */
    static void clearFailedSignIns(String username) {
        var response = send(HttpRequest.newBuilder(URI.create(
                KEYCLOAK + "/admin/realms/bawaba/attack-detection/brute-force/users/" + userId(username)))
            .header("Authorization", "Bearer " + keycloakAdmin()).DELETE().build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("the failed sign-ins of " + username + " were not cleared: "
                + response.statusCode() + " " + response.body());
        }
    }

    private static String describeFailedSignIns(String username) {
        try {
            return failedSignIns(username).toString();
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String userId(String username) {
        var response = get(KEYCLOAK + "/admin/realms/bawaba/users?exact=true&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8), keycloakAdmin());
        JsonNode users = json(response.body());
        if (response.statusCode() != 200 || users.size() != 1) {
            throw new IllegalStateException("no user " + username + " in the realm: " + response.body());
        }
        return users.get(0).get("id").asString();
    }

    /** The broker's listener for clients (SASL OAUTHBEARER only). */
    static final String KAFKA = System.getProperty("bawaba.kafka", "localhost:9092");

    /** The broker's own listener (SASL PLAIN, its super user), which operators' tools use. */
    static final String KAFKA_OPERATOR = System.getProperty("bawaba.kafka.operator", "localhost:9094");

    /**
     * A Kafka client's settings for signing in as the broker's super user ("broker", with this installation's
     * KAFKA_BROKER_PASSWORD) on its own listener: what an operator's tool uses, e.g. to count records.
     */
    static Map<String, Object> kafkaOperator() {
        return Map.of("bootstrap.servers", KAFKA_OPERATOR, "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" "
                + "password=\"" + secret("KAFKA_BROKER_PASSWORD") + "\";");
    }

    /**
     * A Kafka client's settings for signing in as Keycloak client {@code clientId} with {@code secret} (OAUTHBEARER,
     * client credentials), as every component does.
     */
    static Map<String, Object> kafkaClient(String clientId, String secret) {
        String tokenEndpoint = REALM + "/protocol/openid-connect/token";
        // Kafka 4 asks its OAuth URLs to be allowed by the JVM
        System.setProperty("org.apache.kafka.sasl.oauthbearer.allowed.urls", tokenEndpoint);
        return Map.of("bootstrap.servers", KAFKA, "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "OAUTHBEARER",
            "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;",
            "sasl.login.callback.handler.class", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
            "sasl.oauthbearer.token.endpoint.url", tokenEndpoint,
            "sasl.oauthbearer.client.credentials.client.id", clientId,
            "sasl.oauthbearer.client.credentials.client.secret", secret);
    }

    /** {@link #kafkaClient(String, String)} for one of this installation's components. */
    static Map<String, Object> kafkaClient(String component) {
        return kafkaClient(component, secret("BAWABA_CLIENT_SECRET_" + component.toUpperCase().replace('-', '_')));
    }

    /** RFC 4648 base32 (what an authenticator app is shown), spaces ignored: the bytes of a TOTP key. */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace(" ", "").replace("=", "").toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** A client-credentials token of a client of the realm whose secret this installation generated. */
    static String systemToken(String clientId) {
        var response = postForm(REALM + "/protocol/openid-connect/token", Map.of(
            "grant_type", "client_credentials", "client_id", clientId,
            "client_secret", secret("BAWABA_CLIENT_SECRET_" + clientId.toUpperCase().replace('-', '_'))), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for client " + clientId + ": " + response.body());
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
