package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster's realm import is the local realm file, without the demo users, filled from Secrets. */
class RealmImportTest {

	@Test
	void theCommittedImportIsWhatTheRealmFileMakes() throws IOException {
		assertThat(Files.readString(Rendered.ROOT.resolve(RealmImport.OUTPUT)))
			.as("base/keycloak/realm-import.yaml is out of date: run ./mvnw -q -pl deploy/kubernetes compile exec:java")
			.isEqualTo(RealmImport.render(Rendered.ROOT));
	}

	@Test
	void theImportHasNoDemoUserNorLocalOnlyClient() throws IOException {
		JsonNode realm = imported().at("/spec/realm");
		List<String> users = realm.path("users").findValuesAsText("username");
		assertThat(users).isNotEmpty().allSatisfy(user -> assertThat(user).startsWith("service-account-"));
		assertThat(users).doesNotContain("service-account-demo-integration");
		assertThat(realm.path("users").findValues("credentials")).isEmpty();
		assertThat(realm.path("clients").findValuesAsText("clientId"))
			.doesNotContain("bawaba-cli", "demo-integration")
			.contains("gateway", "registry");
	}

	@Test
	void theImportKeepsTheRealmFilesSettings() throws IOException {
		JsonNode file = Rendered.YAML.readTree(Rendered.ROOT.resolve(RealmImport.REALM).toFile());
		JsonNode realm = imported().at("/spec/realm");

		assertThat(realm.path("otpPolicyCodeReusable").isBoolean()).isTrue();
		assertThat(realm.path("otpPolicyCodeReusable").asBoolean()).isFalse();
		for (String setting : List.of("passwordPolicy", "browserFlow", "bruteForceProtected", "accessTokenLifespan",
				"authenticationFlows", "roles", "sslRequired")) {
			assertThat(realm.path(setting)).as(setting).isEqualTo(file.path(setting));
		}
	}

	@Test
	void everyPlaceholderIsFilledFromASecret() throws IOException {
		ObjectNode imported = imported();
		Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(imported.at("/spec/realm").toString());
		List<String> used = new ArrayList<>();
		while (placeholder.find()) {
			used.add(placeholder.group(1));
		}
		JsonNode placeholders = imported.at("/spec/placeholders");
		assertThat(used).contains("BAWABA_PUBLIC_URL", "BAWABA_CLIENT_SECRET_GATEWAY", "BAWABA_CLIENT_SECRET_REGISTRY");
		for (String variable : used) {
			assertThat(placeholders.at("/" + variable + "/secret/name").asText()).as(variable).startsWith("bawaba-");
		}
		assertThat(placeholders.at("/BAWABA_CLIENT_SECRET_EWA_ACCOUNTS/secret/name").asText()).isEqualTo("bawaba-ewa-accounts");
		assertThat(placeholders.at("/BAWABA_CLIENT_SECRET_EWA_ACCOUNTS/secret/key").asText()).isEqualTo("BAWABA_CLIENT_SECRET");
	}

	private static ObjectNode imported() throws IOException {
		return Rendered.parse(RealmImport.render(Rendered.ROOT)).getFirst();
	}

}
