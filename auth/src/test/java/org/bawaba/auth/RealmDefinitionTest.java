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
            "citizen", "supplier", "agency-staff", "agency-admin", "platform-admin", "agency-service", "integration",
            "platform-service", "second-factor");
    }

    @Test
    void everyStaffAndAdminRoleCarriesTheSecondFactor() {
        for (String role : List.of("agency-staff", "agency-admin", "platform-admin")) {
            JsonNode definition = find(realm.get("roles").get("realm"), "name", role);
            assertThat(definition.get("composite").asBoolean()).as(role).isTrue();
            assertThat(strings(definition.get("composites").get("realm"))).as(role).containsExactly("second-factor");
        }
        for (String role : List.of("citizen", "supplier")) {
            assertThat(find(realm.get("roles").get("realm"), "name", role).has("composites")).as(role).isFalse();
        }
    }

    @Test
    void signingInAsStaffAsksForAOneTimeCodeInTheBrowserAndInPasswordGrants() {
        assertThat(realm.get("browserFlow").asString()).isEqualTo("bawaba browser");
        assertThat(realm.get("directGrantFlow").asString()).isEqualTo("bawaba direct grant");
        for (String[] flow : List.of(new String[] { "staff second factor", "auth-otp-form" },
                new String[] { "staff second factor in direct grant", "direct-grant-validate-otp" })) {
            JsonNode subflow = find(realm.get("authenticationFlows"), "alias", flow[0]);
            var executions = StreamSupport.stream(subflow.get("authenticationExecutions").spliterator(), false).toList();
            assertThat(executions).extracting(e -> e.get("authenticator").asString() + ":" + e.get("requirement").asString())
                .as(flow[0]).containsExactlyInAnyOrder("conditional-user-role:REQUIRED", flow[1] + ":REQUIRED");
            String config = executions.stream().filter(e -> e.get("authenticator").asString().equals("conditional-user-role"))
                .findFirst().orElseThrow().get("authenticatorConfig").asString();
            JsonNode condition = find(realm.get("authenticatorConfig"), "alias", config).get("config");
            assertThat(condition.get("condUserRole").asString()).isEqualTo("second-factor");
            assertThat(condition.get("negate").asString()).isEqualTo("false");
        }
        assertThat(realm.get("otpPolicyCodeReusable").asBoolean()).isFalse();
    }

    @Test
    void passwordsFollowAPolicy() {
        assertThat(realm.get("passwordPolicy").asString()).contains("length(12)").contains("notUsername")
            .contains("passwordHistory");
    }

    @Test
    void noSecretIsInTheFileEachIsFilledFromTheInstallationsOwn() {
        StreamSupport.stream(realm.get("clients").spliterator(), false)
            .filter(client -> !client.get("publicClient").asBoolean())
            .forEach(client -> {
                String clientId = client.get("clientId").asString();
                assertThat(client.get("secret").asString()).as(clientId)
                    .isEqualTo("${BAWABA_CLIENT_SECRET_" + clientId.toUpperCase().replace('-', '_') + "}");
            });
        assertThat(client("gateway").get("redirectUris").get(0).asString()).isEqualTo("${BAWABA_PUBLIC_URL}/*");
    }

    @Test
    void everyClientsAccessTokensCarryTheApisAudience() {
        StreamSupport.stream(realm.get("clients").spliterator(), false).forEach(client -> {
            var audiences = StreamSupport.stream(client.get("protocolMappers").spliterator(), false)
                .filter(m -> m.get("protocolMapper").asString().equals("oidc-audience-mapper"))
                .map(m -> m.get("config").get("included.custom.audience").asString()).toList();
            assertThat(audiences).as(client.get("clientId").asString()).contains("bawaba-api");
        });
    }

    /**
     * In a cluster each component logs in at Kafka with its own client's token, and the brokers accept only tokens
     * for the audience bawaba-kafka (deploy/kubernetes); the command line and a demo system are no Kafka clients.
     */
    @Test
    void kafkaClientsTokensCarryKafkasAudienceAndNoOneElses() {
        StreamSupport.stream(realm.get("clients").spliterator(), false).forEach(client -> {
            String clientId = client.get("clientId").asString();
            var audiences = StreamSupport.stream(client.get("protocolMappers").spliterator(), false)
                .filter(m -> m.get("protocolMapper").asString().equals("oidc-audience-mapper"))
                .filter(m -> m.get("config").get("access.token.claim").asString().equals("true"))
                .map(m -> m.get("config").get("included.custom.audience").asString()).toList();
            if (List.of("bawaba-cli", "demo-integration").contains(clientId)) {
                assertThat(audiences).as(clientId).doesNotContain("bawaba-kafka");
            }
            else {
                assertThat(audiences).as(clientId).contains("bawaba-kafka");
            }
        });
    }

    @Test
    void everyPlatformComponentHasItsOwnServiceClient() {
        for (String component : List.of("gateway", "auth", "eservices", "participation", "opendata", "procurement",
                "notifications", "portal")) {
            JsonNode client = client(component);
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).as(component).isTrue();
            assertThat(strings(user("service-account-" + component).get("realmRoles"))).as(component)
                .contains("platform-service");
        }
    }

    @Test
    void notificationsReadsUsersWithItsServiceAccountAndADemoSystemHasTheIntegrationRole() {
        for (String clientId : List.of("notifications", "demo-integration")) {
            JsonNode client = client(clientId);
            assertThat(client.get("publicClient").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).as(clientId).isTrue();
            assertThat(client.get("standardFlowEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as(clientId).isFalse();
        }
        assertThat(strings(user("service-account-notifications").get("clientRoles").get("realm-management")))
            .containsExactly("view-users");
        assertThat(strings(user("service-account-demo-integration").get("realmRoles"))).containsExactly("integration");
    }

    @Test
    void sampleAgencyServicesHaveClientsShapedAsOnboardingCreatesThem() {
        for (String[] sample : List.of(new String[] { "moi", "identity" }, new String[] { "ewa", "accounts" },
                new String[] { "moph", "births" }, new String[] { "msd", "family" })) {
            String clientId = org.bawaba.auth.agency.KeycloakRealmAccess.clientId(sample[0], sample[1]);
            JsonNode client = client(clientId);
            assertThat(client.get("publicClient").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).as(clientId).isTrue();
            assertThat(client.get("standardFlowEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.get("description").asString()).as(clientId).hasSizeLessThanOrEqualTo(255); // Keycloak's column
            JsonNode mapper = client.get("protocolMappers").get(0);
            assertThat(mapper.get("protocolMapper").asString()).isEqualTo("oidc-hardcoded-claim-mapper");
            assertThat(mapper.get("config").get("claim.name").asString()).isEqualTo("agency");
            assertThat(mapper.get("config").get("claim.value").asString()).isEqualTo(sample[0]);
            assertThat(mapper.get("config").get("access.token.claim").asString()).isEqualTo("true");
            assertThat(strings(user("service-account-" + clientId).get("realmRoles"))).containsExactly("agency-service");
        }
    }

    @Test
    void gatewayIsAConfidentialBrowserClientWithPkce() {
        JsonNode gateway = client("gateway");
        assertThat(gateway.get("publicClient").asBoolean()).isFalse();
        assertThat(gateway.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(gateway.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(gateway.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
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
                .filter(m -> m.get("config").has("claim.name"))
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
            // the password "demo", stored hashed (imported as plain text it would have to pass the password policy)
            JsonNode password = user.get("credentials").get(0);
            assertThat(password.get("type").asString()).isEqualTo("password");
            assertThat(password.has("value")).isFalse();
            assertThat(JSON.readTree(password.get("credentialData").asString()).get("algorithm").asString()).isEqualTo("pbkdf2-sha256");
            var otp = StreamSupport.stream(user.get("credentials").spliterator(), false)
                .filter(credential -> credential.get("type").asString().equals("otp")).toList();
            boolean staff = expected.contains("agency-staff") || expected.contains("platform-admin");
            assertThat(otp).as(username + "'s authenticator").hasSize(staff ? 1 : 0);
            if (staff) {
                assertThat(JSON.readTree(otp.get(0).get("secretData").asString()).get("value").asString())
                    .isEqualTo("bawaba-demo-totp-" + username);
            }
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
        JsonNode client = client("auth");
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        JsonNode account = find(realm.get("users"), "username", "service-account-auth");
        assertThat(account.get("serviceAccountClientId").asString()).isEqualTo("auth");
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
