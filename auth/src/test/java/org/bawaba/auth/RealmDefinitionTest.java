package org.bawaba.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Guards the realm file that the launcher imports into Keycloak: what the services and the
 * end-to-end tests rely on. The end-to-end tests check the same realm on a running Keycloak.
 */
class RealmDefinitionTest {

    static JsonNode realm;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = RealmDefinitionTest.class.getResourceAsStream("/keycloak/bawaba-realm.json")) {
            realm = JSON.readTree(in);
        }
    }

    @Test
    void realmIsBawabaBilingualWithBruteForceProtection() {
        assertThat(realm.get("realm").asString()).isEqualTo("bawaba");
        assertThat(realm.get("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(strings(realm.get("supportedLocales"))).containsExactlyInAnyOrder("ar", "en");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
    }

    @Test
    void realmRolesAreThePlatformRoles() {
        var roles = StreamSupport.stream(realm.get("roles").get("realm").spliterator(), false)
            .map(r -> r.get("name").asString()).toList();
        assertThat(roles).containsExactlyInAnyOrder(
            "citizen", "supplier", "agency-staff", "agency-admin", "platform-admin", "agency-service", "integration");
    }

    @Test
    void notificationsReadsUsersWithItsServiceAccountAndADemoSystemHasTheIntegrationRole() {
        for (String clientId : List.of("notifications", "demo-integration")) {
            JsonNode client = client(clientId);
            assertThat(client.get("publicClient").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).as(clientId).isTrue();
            assertThat(client.get("standardFlowEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("secret").asString()).as(clientId).startsWith("local-dev-only");
        }
        assertThat(strings(user("service-account-notifications").get("clientRoles").get("realm-management")))
            .containsExactly("view-users");
        assertThat(strings(user("service-account-demo-integration").get("realmRoles"))).containsExactly("integration");
    }

    // --- tellonce ---
    @Test
    void sampleAgencyServicesHaveLocalOnlyClientsShapedAsOnboardingCreatesThem() {
        for (String[] sample : List.of(new String[] { "moi", "identity" }, new String[] { "ewa", "accounts" })) {
            String clientId = org.bawaba.auth.agency.KeycloakRealmAccess.clientId(sample[0], sample[1]);
            JsonNode client = client(clientId);
            assertThat(client.get("publicClient").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).as(clientId).isTrue();
            assertThat(client.get("standardFlowEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("secret").asString()).as(clientId).isEqualTo("local-dev-only-" + clientId + "-secret");
            assertThat(client.get("description").asString()).as(clientId).startsWith("LOCAL DEVELOPMENT ONLY")
                .hasSizeLessThanOrEqualTo(255); // Keycloak's column
            JsonNode mapper = client.get("protocolMappers").get(0);
            assertThat(mapper.get("protocolMapper").asString()).isEqualTo("oidc-hardcoded-claim-mapper");
            assertThat(mapper.get("config").get("claim.name").asString()).isEqualTo("agency");
            assertThat(mapper.get("config").get("claim.value").asString()).isEqualTo(sample[0]);
            assertThat(mapper.get("config").get("access.token.claim").asString()).isEqualTo("true");
            assertThat(strings(user("service-account-" + clientId).get("realmRoles"))).containsExactly("agency-service");
        }
    }
    // --- end tellonce ---

    @Test
    void gatewayIsAConfidentialBrowserClientWithPkce() {
        JsonNode gateway = client("gateway");
        assertThat(gateway.get("publicClient").asBoolean()).isFalse();
        assertThat(gateway.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(gateway.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(gateway.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(gateway.get("secret").asString()).startsWith("local-dev-only");
    }

    @Test
    void cliClientIsPublicWithDirectGrantsOnly() {
        JsonNode cli = client("bawaba-cli");
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.get("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void bothClientsPutNationalIdAgencyAndLocaleIntoAccessTokens() {
        for (String clientId : List.of("gateway", "bawaba-cli")) {
            var claims = StreamSupport.stream(client(clientId).get("protocolMappers").spliterator(), false)
                .filter(m -> m.get("config").get("access.token.claim").asString().equals("true"))
                .map(m -> m.get("config").get("claim.name").asString()).toList();
            assertThat(claims).as(clientId).contains("national_id", "agency", "locale");
        }
    }

    @Test
    void userProfileDeclaresNationalIdAndAgencySoKeycloakKeepsThem() {
        String config = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider")
            .get(0).get("config").get("kc.user.profile.config").get(0).asString();
        JsonNode profile = JSON.readTree(config);
        var byName = StreamSupport.stream(profile.get("attributes").spliterator(), false)
            .collect(java.util.stream.Collectors.toMap(a -> a.get("name").asString(), a -> a));
        assertThat(byName).containsKeys("username", "email", "firstName", "lastName", "national_id", "agency");
        // only administrators (and the platform) set a person's national ID or agency
        assertThat(strings(byName.get("national_id").get("permissions").get("edit"))).containsExactly("admin");
        assertThat(strings(byName.get("agency").get("permissions").get("edit"))).containsExactly("admin");
    }

    @Test
    void demoUsersHaveTheDocumentedRolesAttributesAndPassword() {
        Map<String, List<String>> roles = Map.of(
            "citizen1", List.of("citizen"), "citizen2", List.of("citizen"), "citizen3", List.of("citizen"),
            "moi-staff", List.of("agency-staff"), "moi-admin", List.of("agency-staff", "agency-admin"),
            "mme-staff", List.of("agency-staff"), "mme-admin", List.of("agency-staff", "agency-admin"),
            "supplier1", List.of("supplier"), "supplier2", List.of("supplier"), "platform-admin", List.of("platform-admin"));
        assertThat(StreamSupport.stream(realm.get("users").spliterator(), false)
            .filter(u -> !u.has("serviceAccountClientId"))).hasSize(roles.size());
        roles.forEach((username, expected) -> {
            JsonNode user = user(username);
            assertThat(strings(user.get("realmRoles"))).as(username).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(user.get("credentials").get(0).get("value").asString()).isEqualTo("demo");
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean()).isFalse();
            JsonNode attributes = user.get("attributes");
            if (username.startsWith("citizen")) {
                assertThat(attributes.get("national_id").get(0).asString()).matches("[0-9]{11}");
            }
            if (username.startsWith("moi-") || username.startsWith("mme-")) {
                assertThat(attributes.get("agency").get(0).asString()).isEqualTo(username.substring(0, 3));
            }
        });
        assertThat(user("citizen3").get("attributes").get("locale").get(0).asString()).isEqualTo("ar");
    }

    @Test
    void authServiceIsAConfidentialServiceAccountThatMayManageUsersAndClientsOnly() {
        JsonNode client = client("auth-service");
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.get("secret").asString()).startsWith("local-dev-only");
        JsonNode account = find(realm.get("users"), "username", "service-account-auth-service");
        assertThat(account.get("serviceAccountClientId").asString()).isEqualTo("auth-service");
        assertThat(strings(account.get("clientRoles").get("realm-management")))
            .contains("manage-users", "manage-clients", "view-realm")
            .doesNotContain("manage-realm", "realm-admin");
    }

    @Test
    void citizensHaveDistinctNationalIds() {
        var ids = List.of("citizen1", "citizen2", "citizen3").stream()
            .map(u -> user(u).get("attributes").get("national_id").get(0).asString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static JsonNode client(String clientId) {
        return find(realm.get("clients"), "clientId", clientId);
    }

    private static JsonNode user(String username) {
        return find(realm.get("users"), "username", username);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
            .filter(n -> n.get(field).asString().equals(value)).findFirst()
            .orElseThrow(() -> new AssertionError("no " + field + " " + value));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
