package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The trust boundaries of the suite `./bawaba run` started, tried as a stranger on the same network and as
 * a stranger holding a token of the realm would: the registry admits no one without credentials; only the
 * gateway and Keycloak's sign-in listen beyond this machine; every secret is this installation's own; a
 * token for another audience opens nothing; staff need a second factor.
 */
class SecureByDefaultIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

    private static final String REGISTRY = "http://localhost:" + System.getProperty("bawaba.registry.port", "8761");

    private static final String INSTANCE = """
        {"instance": {"instanceId": "evil:anyname:9999", "hostName": "evil.example", "app": "ANYNAME",
          "ipAddr": "203.0.113.7", "status": "UP", "port": {"$": 9999, "@enabled": "true"},
          "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}""";

    @Test
    void nobodyRegistersOrReadsAtTheRegistryWithoutTheirOwnCredentials() {
        assertThat(register("ANYNAME", INSTANCE, null).statusCode()).isEqualTo(401);
        assertThat(Suite.send(HttpRequest.newBuilder(URI.create(REGISTRY + "/eureka/apps"))
            .header("Accept", "application/json").GET().build()).statusCode()).isEqualTo(401);
        // a service's own credentials register its own name only
        String eservices = basic("eservices", Suite.secret("BAWABA_CLIENT_SECRET_ESERVICES"));
        assertThat(register("ANYNAME", INSTANCE, eservices).statusCode()).isEqualTo(403);
        assertThat(register("ESERVICES", INSTANCE.replace("\"ANYNAME\"", "\"PROCUREMENT\""), eservices).statusCode())
            .isEqualTo(403);
        // and a secret that is not the installation's opens nothing
        assertThat(register("ESERVICES", INSTANCE, basic("eservices", "local-dev-only-eservices-secret")).statusCode())
            .isEqualTo(401);
        // nothing the stranger tried is routed, and the caller's token goes nowhere
        var routed = Suite.get(Suite.GATEWAY + "/api/anyname/hello", Suite.token("citizen1"));
        assertThat(routed.statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheGatewayAndKeycloaksSignInListenBeyondThisMachine() throws IOException {
        Map<Integer, List<String>> listening = listeningAddresses();
        List<Integer> internal = new ArrayList<>(List.of(8761, 9180));
        for (String line : Files.readAllLines(ROOT.resolve("deploy/local/services.conf"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 2 && !line.startsWith("#") && !fields[0].equals("gateway")) {
                internal.add(Integer.parseInt(fields[1]));
            }
        }
        for (int port : internal) {
            assertThat(listening.get(port)).as("port %d", port).isNotNull().allSatisfy(address ->
                assertThat(address).as("port %d listens on %s", port, address).isIn("127.0.0.1", "::1"));
        }
        assertThat(listening.get(8080)).as("the gateway serves people").contains("0.0.0.0");
        assertThat(listening.get(8180)).as("Keycloak's sign-in serves people").isNotNull();
    }

    @Test
    void everySecretIsThisInstallationsOwnAndKeptFromOtherUsers() throws IOException {
        Path file = Suite.RUNTIME.resolve("secrets.env");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
        Map<String, String> secrets = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            secrets.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        assertThat(secrets).containsKeys("KEYCLOAK_ADMIN_PASSWORD", "BAWABA_CLIENT_SECRET_GATEWAY",
            "BAWABA_CLIENT_SECRET_ESERVICES", "BAWABA_REGISTRY_OPERATOR_PASSWORD", "PROCUREMENT_KEK");
        assertThat(secrets.values()).allSatisfy(value -> assertThat(value).hasSizeGreaterThanOrEqualTo(43)
            .doesNotContainIgnoringCase("local").doesNotContainIgnoringCase("change"));
        assertThat(Set.copyOf(secrets.values())).as("no secret shared between two uses").hasSameSizeAs(secrets.values());
        // Keycloak's admin is not admin/admin
        var defaultAdmin = Suite.postForm(Suite.KEYCLOAK + "/realms/master/protocol/openid-connect/token", Map.of(
            "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        assertThat(defaultAdmin.statusCode()).isIn(400, 401);
        assertThat(defaultAdmin.body()).contains("invalid_grant");
        assertThat(Suite.keycloakAdmin()).isNotBlank();
    }

    @Test
    void aTokenOfTheRealmForAnotherAudienceOpensNothing() {
        String admin = Suite.keycloakAdmin();
        String clientId = "e2e-other-audience-" + UUID.randomUUID();
        String secret = "e2e-" + UUID.randomUUID();
        var created = Suite.postJson(Suite.KEYCLOAK + "/admin/realms/bawaba/clients", """
            {"clientId": "%s", "secret": "%s", "publicClient": false, "serviceAccountsEnabled": true,
             "standardFlowEnabled": false, "directAccessGrantsEnabled": false}""".formatted(clientId, secret), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        try {
            var granted = Suite.postForm(Suite.REALM + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret), null);
            String token = Suite.json(granted.body()).get("access_token").asString();
            assertThat(Suite.claims(token).path("aud").toString()).doesNotContain("bawaba-api");
            // refused at the gateway, and by the service itself when reached directly
            var me = Suite.get(Suite.GATEWAY + "/api/me", token);
            assertThat(me.statusCode()).isEqualTo(401);
            assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Suite.get(Suite.GATEWAY + "/api/eservices/applications", token).statusCode()).isEqualTo(401);
            assertThat(Suite.get("http://localhost:8081/applications", token).statusCode()).isEqualTo(401);
            // a token of the platform's audience is taken
            assertThat(Suite.get("http://localhost:8081/applications", Suite.token("citizen1")).statusCode())
                .isEqualTo(200);
        } finally {
            Suite.send(HttpRequest.newBuilder(URI.create(created.headers().firstValue("Location").orElseThrow()))
                .header("Authorization", "Bearer " + admin).DELETE().build());
        }
    }

    @Test
    void staffSignInWithASecondFactorCitizensWithTheirPassword() {
        String tokenUrl = Suite.REALM + "/protocol/openid-connect/token";
        // refused without the code and with a wrong one: tried on one admin only, whose brute-force record is
        // cleared afterwards, since the realm locks a user out for a minute after two failures less than a
        // second apart (quickLoginCheckMilliSeconds) and a later test signing in as them would be refused
        String tried = "mme-admin";
        try {
            Suite.pause(Duration.ofMillis(1100));
            var passwordOnly = Suite.postForm(tokenUrl, Map.of("client_id", "bawaba-cli", "grant_type", "password",
                "username", tried, "password", "demo"), null);
            assertThat(passwordOnly.statusCode()).isIn(400, 401);
            assertThat(passwordOnly.body()).contains("invalid_grant");
            Suite.pause(Duration.ofMillis(1100));
            var wrongCode = Suite.postForm(tokenUrl, Map.of("client_id", "bawaba-cli", "grant_type", "password",
                "username", tried, "password", "demo", "totp", "000000"), null);
            assertThat(wrongCode.statusCode()).isIn(400, 401);
            assertThat(wrongCode.body()).contains("invalid_grant");
        } finally {
            Suite.clearFailedSignIns(tried);
        }
        assertThat(Suite.failedSignIns(tried).path("numFailures").asInt()).isZero();
        // and admitted with the password and a fresh code, staff and admins alike
        for (String staff : List.of("moi-staff", "mme-admin", "platform-admin")) {
            var withCode = Suite.postForm(tokenUrl, Map.of("client_id", "bawaba-cli", "grant_type", "password",
                "username", staff, "password", "demo", "totp", Suite.freshCode(staff)), null);
            assertThat(withCode.statusCode()).as(staff + ": " + withCode.body()).isEqualTo(200);
        }
        var citizen = Suite.postForm(tokenUrl, Map.of("client_id", "bawaba-cli", "grant_type", "password",
            "username", "citizen2", "password", "demo"), null);
        assertThat(citizen.statusCode()).isEqualTo(200);
        // and in a browser: after the password, a page asks for the code; the browser then asks for a fresh
        // sign-in next time (staff sessions are short, and Keycloak's own session must not renew them)
        try (PortalBrowser browser = PortalBrowser.open("en")) {
            for (int attempt = 0; attempt < 5 && browser.all("a.signin").isEmpty(); attempt++) {
                browser.go("/en/");
            }
            browser.signIn("mme-staff");
            assertThat(browser.find(".who").getText()).isNotBlank();
            assertThat(browser.driver.manage().getCookieNamed("BAWABA_STAFF")).isNotNull();
            browser.driver.manage().deleteCookieNamed("SESSION");
            browser.go("/oauth2/authorization/keycloak?lang=en");
            browser.waitFor(d -> d.getCurrentUrl().startsWith(Suite.KEYCLOAK));
            assertThat(browser.driver.getCurrentUrl()).contains("prompt=login");
            assertThat(browser.all("#password")).as("asked for the password again").isNotEmpty();
        }
    }

    @Test
    void noActuatorEndpointIsRoutedToTheInternet() {
        for (String service : List.of("eservices", "participation", "opendata", "procurement", "notifications", "auth")) {
            var metrics = Suite.get(Suite.GATEWAY + "/api/" + service + "/actuator/prometheus", null);
            assertThat(metrics.statusCode()).as(service).isEqualTo(404);
            assertThat(metrics.body()).as(service).doesNotContain("jvm_memory");
        }
    }

    private static HttpResponse<String> register(String app, String body, String authorization) {
        var request = HttpRequest.newBuilder(URI.create(REGISTRY + "/eureka/apps/" + app))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Suite.send(request.build());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Listening TCP sockets of this machine (/proc/net/tcp and tcp6): port → local addresses. */
    private static Map<Integer, List<String>> listeningAddresses() throws IOException {
        Map<Integer, List<String>> listening = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (!fields[3].equals("0A")) {
                    continue; // not LISTEN
                }
                String[] local = fields[1].split(":");
                int port = Integer.parseInt(local[1], 16);
                listening.computeIfAbsent(port, p -> new ArrayList<>()).add(address(local[0]));
            }
        }
        return listening;
    }

    /** A /proc/net address: IPv4 as one little-endian word, IPv6 as four. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            long value = Long.parseLong(hex, 16);
            return (value & 0xff) + "." + ((value >> 8) & 0xff) + "." + ((value >> 16) & 0xff) + "." + ((value >> 24) & 0xff);
        }
        return switch (hex) {
            case "00000000000000000000000000000000" -> "0.0.0.0"; // :: accepts IPv4 too
            case "00000000000000000000000001000000" -> "::1";
            case "0000000000000000FFFF00000100007F" -> "127.0.0.1";
            default -> hex;
        };
    }

}
