package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bawaba.e2e.Suite.GATEWAY;
import static org.bawaba.e2e.Suite.KEYCLOAK;
import static org.bawaba.e2e.Suite.REALM;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourcePatternFilter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Onboarding an agency through the auth service's API, through the gateway, against the real Keycloak:
 * its service client works with client credentials and carries the agency claim; onboarding again
 * converges; a rotated secret replaces the old one; invited staff get the agency claim and roles;
 * offboarding disables the client. At the Kafka brokers the service client handles the topics of the
 * agency's journeys and nothing else, and an offboarded agency's service has no ACL left. The agency's code is new each run; its realm objects are removed after.
 */
class AgencyOnboardingIT {

    private static final String API = GATEWAY + "/api/auth/agencies/";
    private static final String CODE = "e2e" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    /** A password the realm's policy accepts (12 characters or more, not the username). */
    private static final String PASSWORD = "Staff-Pass-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    /** The topics the agency answers on in tell us once and in multi-agency applications: its own. */
    private static final String CHANGES = "bawaba.agency." + CODE + ".changes";
    private static final String STEPS = "bawaba.agency." + CODE + ".steps";
    private static final String AGENCY = """
        {"name": {"en": "Ministry of Social Development (e2e)", "ar": "وزارة التنمية الاجتماعية"},
         "services": ["allowance"], "journeys": ["tell-us-once"]}""";

    @Test
    void aPlatformAdminOnboardsAnAgencyWhoseServiceAndStaffThenSignIn() throws Exception {
        String admin = Suite.token("platform-admin");

        var onboarded = Suite.putJson(API + CODE, AGENCY, admin);
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        JsonNode result = Suite.json(onboarded.body());
        assertThat(result.get("agency").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(result.get("agency").get("services").get(0).get("publicPath").asString())
            .isEqualTo("/api/agencies/" + CODE + "/allowance");
        JsonNode credentials = result.get("newCredentials").get(0);
        String clientId = credentials.get("clientId").asString();
        String secret = credentials.get("clientSecret").asString();
        assertThat(clientId).isEqualTo(CODE + "-allowance");

        // the service's own token: client credentials, the agency claim, the agency-service role
        String serviceToken = clientToken(clientId, secret).get("access_token").asString();
        JsonNode claims = Suite.claims(serviceToken);
        assertThat(claims.get("agency").asString()).isEqualTo(CODE);
        assertThat(claims.get("realm_access").get("roles").toString()).contains("agency-service");
        // ... accepted by the gateway like any signed-in caller
        var me = Suite.get(GATEWAY + "/api/me", serviceToken);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Suite.json(me.body()).get("agency").asString()).isEqualTo(CODE);

        // ... and by the Kafka brokers, where it handles the topics of its journey (tell us once) and no other:
        // it answers on its agency's own topic, which onboarding created, and may not answer in another's name
        assertThat(claims.get("aud").toString()).contains("bawaba-kafka");
        assertThat(Suite.json(Suite.get(API + CODE, null).body()).get("journeys").toString()).isEqualTo("[\"tell-us-once\"]");
        try (Admin service = Admin.create(kafka(clientId, secret))) {
            assertThat(operations(service, CHANGES)).contains(AclOperation.WRITE);
            assertThat(operations(service, "bawaba.eservices.changes")).contains(AclOperation.READ)
                .doesNotContain(AclOperation.WRITE);
            for (String other : List.of("bawaba.agency.moi.changes", "bawaba.agency.ewa.changes", STEPS,
                    "bawaba.eservices.applications", "bawaba.agency.moi.credentials")) {
                assertThatThrownBy(() -> operations(service, other)).as(other)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        // another journey instead: its ACLs follow
        assertThat(Suite.putJson(API + CODE, AGENCY.replace("tell-us-once", "applications"), admin).statusCode()).isEqualTo(200);
        assertThat(acls(clientId)).contains(STEPS + " WRITE", "bawaba.eservices.steps READ")
            .noneMatch(acl -> acl.contains("changes"));

        // onboarding again converges: same agency, no new client, no secret shown again
        var again = Suite.putJson(API + CODE, AGENCY, admin);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Suite.json(again.body()).get("newCredentials")).isEmpty();
        assertThat(clientToken(clientId, secret).has("access_token")).isTrue();
        assertThat(acls(clientId)).contains(CHANGES + " WRITE").noneMatch(acl -> acl.contains("steps"));
        // a description without journeys (a client older than them) keeps the agency's
        assertThat(Suite.putJson(API + CODE, AGENCY.replace(", \"journeys\": [\"tell-us-once\"]", ""), admin)
            .statusCode()).isEqualTo(200);
        assertThat(Suite.json(Suite.get(API + CODE, null).body()).get("journeys").toString()).isEqualTo("[\"tell-us-once\"]");
        assertThat(acls(clientId)).contains(CHANGES + " WRITE", "bawaba.eservices.changes READ");

        // a rotated secret replaces the old one at once
        var rotated = Suite.postJson(API + CODE + "/services/allowance/secret", "", admin);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newSecret = Suite.json(rotated.body()).get("clientSecret").asString();
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(clientToken(clientId, secret).has("access_token")).isFalse();
        assertThat(clientToken(clientId, newSecret).has("access_token")).isTrue();

        // staff: an invited admin, who then signs in with the agency's claim and roles
        var invited = Suite.postJson(API + CODE + "/staff", """
            {"username": "%s-admin", "email": "%s-admin@demo.bawaba.local", "firstName": "Noor",
             "lastName": "Al-Kuwari", "admin": true}""".formatted(CODE, CODE), admin);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        assertThat(Suite.json(invited.body()).get("invited").asBoolean()).isTrue();
        String username = CODE + "-admin";
        // the realm's password policy refuses a weak password, even from Keycloak's admin
        assertThat(setPassword(Suite.json(invited.body()).get("subject").asString(), "demo").statusCode()).isEqualTo(400);
        assertThat(setPassword(Suite.json(invited.body()).get("subject").asString(), PASSWORD).statusCode()).isEqualTo(204);
        // a password alone signs no staff in: the first sign-in sets up the second factor, then asks for it
        assertThat(passwordGrant(username, null).has("access_token")).isFalse();
        byte[] authenticator = setUpAuthenticatorAtFirstSignIn(username);
        assertThat(passwordGrant(username, null).has("access_token")).isFalse();
        String agencyAdmin = passwordGrant(username, Suite.totp(authenticator, System.currentTimeMillis() / 30_000 + 1))
            .get("access_token").asString();
        JsonNode staffClaims = Suite.claims(agencyAdmin);
        assertThat(staffClaims.get("agency").asString()).isEqualTo(CODE);
        assertThat(staffClaims.get("realm_access").get("roles").toString()).contains("agency-staff", "agency-admin");
        // ... and, as the agency's admin, may assign staff of their own agency only
        var otherAgency = Suite.postJson(GATEWAY + "/api/auth/agencies/moi/staff", "{\"username\": \"moi-staff\"}",
            agencyAdmin);
        assertThat(otherAgency.statusCode()).as(otherAgency.body()).isEqualTo(403);

        // a citizen cannot onboard
        assertThat(Suite.putJson(API + CODE, AGENCY, Suite.token("citizen1")).statusCode()).isEqualTo(403);

        // offboarding disables the client; onboarding again re-enables it
        var offboarded = Suite.send(HttpRequest.newBuilder(URI.create(API + CODE))
            .header("Authorization", "Bearer " + admin).DELETE().build());
        assertThat(offboarded.statusCode()).as(offboarded.body()).isEqualTo(204);
        assertThat(clientToken(clientId, newSecret).has("access_token")).isFalse();
        assertThat(acls(clientId)).as("Kafka ACLs of an offboarded agency's service").isEmpty();
        assertThat(Suite.json(Suite.get(API + CODE, null).body()).get("status").asString()).isEqualTo("OFFBOARDED");
        assertThat(Suite.putJson(API + CODE, AGENCY.replace(", \"journeys\": [\"tell-us-once\"]", ""), admin)
            .statusCode()).isEqualTo(200);
        assertThat(clientToken(clientId, newSecret).has("access_token")).isTrue();
        // ... with the journeys and ACLs it had
        assertThat(acls(clientId)).contains(CHANGES + " WRITE");
    }

    /** Removes what the test created in the realm (Keycloak's local admin, a development default) and in Kafka. */
    @AfterAll
    static void removeTheAgencyFromTheRealm() throws Exception {
        try (Admin operator = Admin.create(Suite.kafkaOperator())) {
            operator.deleteAcls(List.of(principal(CODE + "-allowance"))).all().get(30, TimeUnit.SECONDS);
            Set<String> created = operator.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(topic -> topic.startsWith("bawaba.agency." + CODE + ".")).collect(Collectors.toSet());
            operator.deleteTopics(created).all().get(30, TimeUnit.SECONDS);
        }
        String admin = Suite.keycloakAdmin();
        String base = KEYCLOAK + "/admin/realms/bawaba";
        for (JsonNode client : Suite.json(Suite.get(base + "/clients?clientId=" + CODE + "-allowance", admin).body())) {
            delete(base + "/clients/" + client.get("id").asString(), admin);
        }
        for (JsonNode user : Suite.json(Suite.get(base + "/users?username=" + CODE + "-admin&exact=true", admin).body())) {
            delete(base + "/users/" + user.get("id").asString(), admin);
        }
        for (JsonNode group : Suite.json(Suite.get(base + "/groups?search=agency-" + CODE + "&exact=true", admin).body())) {
            delete(base + "/groups/" + group.get("id").asString(), admin);
        }
    }

    /** The agency service's Kafka client: SASL OAUTHBEARER with its own client credentials. */
    private static Map<String, Object> kafka(String clientId, String secret) {
        Map<String, Object> client = new HashMap<>(Suite.kafkaClient(clientId, secret));
        client.put("request.timeout.ms", 10_000);
        client.put("default.api.timeout.ms", 20_000);
        return client;
    }

    /** What the brokers' authorizer lets the client do with a topic (a topic it may not even describe: refused). */
    private static Set<AclOperation> operations(Admin client, String topic) throws Exception {
        return client.describeTopics(List.of(topic), new DescribeTopicsOptions().includeAuthorizedOperations(true))
            .allTopicNames().get(30, TimeUnit.SECONDS).get(topic).authorizedOperations();
    }

    /** The client's ACLs on topics, as the brokers hold them ("topic OPERATION"), read by the operator. */
    private static List<String> acls(String clientId) throws Exception {
        try (Admin operator = Admin.create(Suite.kafkaOperator())) {
            return operator.describeAcls(principal(clientId)).values().get(30, TimeUnit.SECONDS).stream()
                .map(binding -> binding.pattern().name() + " " + binding.entry().operation())
                .toList();
        }
    }

    private static AclBindingFilter principal(String clientId) {
        return new AclBindingFilter(ResourcePatternFilter.ANY,
            new AccessControlEntryFilter("User:" + clientId, null, AclOperation.ANY, AclPermissionType.ANY));
    }

    private static JsonNode clientToken(String clientId, String secret) {
        return Suite.json(Suite.postForm(REALM + "/protocol/openid-connect/token", Map.of(
            "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret), null).body());
    }

    private static HttpResponse<String> setPassword(String userId, String password) {
        return Suite.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/bawaba/users/" + userId
                + "/reset-password"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + Suite.keycloakAdmin())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"type\": \"password\", \"value\": \"%s\", \"temporary\": false}"
                .formatted(password)))
            .build());
    }

    private static JsonNode passwordGrant(String username, String code) {
        var form = new java.util.HashMap<>(Map.of("client_id", "bawaba-cli", "grant_type", "password",
            "username", username, "password", PASSWORD));
        if (code != null) {
            form.put("totp", code);
        }
        return Suite.json(Suite.postForm(REALM + "/protocol/openid-connect/token", form, null).body());
    }

    /**
     * Signs in at the portal in a browser for the first time: after the password, Keycloak has the new staff
     * member set up an authenticator (its key shown for manual entry) and enter its first code. Answers the key.
     */
    private static byte[] setUpAuthenticatorAtFirstSignIn(String username) {
        try (PortalBrowser browser = PortalBrowser.open("en")) {
            // (the portal's first page of a run may take longer than the gateway waits, on a busy machine)
            for (int attempt = 0; attempt < 5 && browser.all("a.signin").isEmpty(); attempt++) {
                browser.go("/en/");
            }
            browser.click("a.signin");
            browser.waitFor(d -> !d.findElements(By.id("username")).isEmpty());
            browser.fill("username", username).fill("password", PASSWORD).click("#kc-login");
            browser.waitFor(d -> !d.findElements(By.id("totp")).isEmpty());
            if (browser.all("#kc-totp-secret-key").isEmpty() || !browser.find("#kc-totp-secret-key").isDisplayed()) {
                browser.click("#mode-manual");
            }
            byte[] key = Suite.base32(browser.find("#kc-totp-secret-key").getText());
            browser.fill("totp", Suite.totp(key, System.currentTimeMillis() / 30_000));
            browser.click("#saveTOTPBtn, #kc-login, input[type=submit]");
            browser.waitFor(d -> d.getCurrentUrl().startsWith(GATEWAY));
            assertThat(browser.find(".who").getText()).isNotBlank();
            return key;
        }
    }


    private static void delete(String url, String bearer) {
        Suite.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).DELETE().build());
    }
}
