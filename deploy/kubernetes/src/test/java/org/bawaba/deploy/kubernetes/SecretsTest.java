package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Secret the manifests read is made by make-secrets.sh (with random values, none empty), by kustomize,
 * or by an operator; none is in the manifests themselves.
 */
class SecretsTest {

	/** Made by an operator from the objects: Strimzi's cluster CA, cert-manager's certificate. */
	private static final Set<String> MADE_BY_OPERATORS = Set.of("bawaba-kafka-cluster-ca-cert", "bawaba-public-tls");

	private static List<ObjectNode> made;

	static Stream<String> overlays() {
		return Rendered.OVERLAYS.stream();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everySecretReadIsMadeByTheScriptKustomizeOrAnOperator(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		Map<String, Set<String>> made = keysByName(made());
		for (ObjectNode secret : rendered.ofKind("Secret")) {
			made.put(secret.at("/metadata/name").asText(), fieldNames(secret.path("data")));
		}
		rendered.ofKind("Certificate").forEach(c -> assertThat(c.at("/spec/secretName").asText()).isIn(MADE_BY_OPERATORS));

		List<String> missing = new ArrayList<>();
		for (String[] read : readByTheManifests(rendered)) {
			String name = read[0];
			String key = read[1];
			if (MADE_BY_OPERATORS.contains(name)) {
				continue;
			}
			if (!made.containsKey(name) || (key != null && !made.get(name).contains(key))) {
				missing.add(name + (key == null ? "" : "/" + key));
			}
		}
		assertThat(missing).as("Secrets read by overlays/" + overlay + " that nothing makes").isEmpty();
		assertThat(rendered.ofKind("Secret")).extracting(s -> s.at("/metadata/name").asText()).containsExactly("bawaba-public-url");
	}

	@Test
	void theScriptMakesRandomValuesAndDatabaseRolesNamedLikeTheDatabases() throws IOException {
		List<ObjectNode> first = made();
		List<ObjectNode> second = script();
		Set<String> values = new LinkedHashSet<>();
		int count = 0;
		for (ObjectNode secret : first) {
			for (JsonNode value : secret.path("stringData")) {
				assertThat(value.asText()).isNotBlank();
				count++;
				values.add(value.asText());
			}
		}
		assertThat(first).hasSameSizeAs(second);
		assertThat(second.get(1).at("/stringData/BAWABA_CLIENT_SECRET").asText())
			.isNotEqualTo(first.get(1).at("/stringData/BAWABA_CLIENT_SECRET").asText());
		ObjectNode moi = first.stream().filter(s -> s.at("/metadata/name").asText().equals("bawaba-db-moi-identity")).findFirst().orElseThrow();
		assertThat(moi.at("/stringData/username").asText()).isEqualTo("moi_identity");
		assertThat(moi.at("/type").asText()).isEqualTo("kubernetes.io/basic-auth");
		ObjectNode procurement = first.stream().filter(s -> s.at("/metadata/name").asText().equals("bawaba-procurement")).findFirst().orElseThrow();
		assertThat(procurement.at("/stringData/PROCUREMENT_RECEIPT_KEY").asText()).matches("[A-Za-z0-9+/=]{40,}:[A-Za-z0-9+/=]{40,}");
		assertThat(procurement.at("/stringData/PROCUREMENT_KEK").asText()).hasSize(44);
		// apart from user names, every value is its own
		assertThat(values.size()).isGreaterThan(count - 20);
	}

	/** (Secret, key) pairs the objects read; key null when the whole Secret is named. */
	private static List<String[]> readByTheManifests(Rendered rendered) {
		List<String[]> read = new ArrayList<>();
		for (ObjectNode object : rendered.objects()) {
			for (JsonNode ref : object.findValues("secretKeyRef")) {
				read.add(new String[] { ref.path("name").asText(), ref.path("key").asText() });
			}
			for (JsonNode secretName : object.findValues("secretName")) {
				read.add(new String[] { secretName.asText(), null });
			}
		}
		rendered.get("KeycloakRealmImport", "bawaba").at("/spec/placeholders")
			.forEach(p -> read.add(new String[] { p.at("/secret/name").asText(), p.at("/secret/key").asText() }));
		JsonNode keycloak = rendered.get("Keycloak", "keycloak").path("spec");
		for (String secret : List.of("/db/usernameSecret", "/db/passwordSecret")) {
			read.add(new String[] { keycloak.at(secret + "/name").asText(), keycloak.at(secret + "/key").asText() });
		}
		String admin = keycloak.at("/bootstrapAdmin/user/secret").asText();
		read.add(new String[] { admin, "username" });
		read.add(new String[] { admin, "password" });
		for (JsonNode role : rendered.get("Cluster", "bawaba-db").at("/spec/managed/roles")) {
			read.add(new String[] { role.at("/passwordSecret/name").asText(), "username" });
			read.add(new String[] { role.at("/passwordSecret/name").asText(), "password" });
		}
		for (ObjectNode store : rendered.ofKind("ObjectStore")) {
			for (JsonNode key : store.at("/spec/configuration/s3Credentials")) {
				read.add(new String[] { key.path("name").asText(), key.path("key").asText() });
			}
		}
		for (JsonNode secret : rendered.get("RedisReplication", "bawaba-redis").findValues("redisSecret")) {
			read.add(new String[] { secret.path("name").asText(), secret.path("key").asText() });
		}
		return read;
	}

	/** What the script makes, once for the whole class. */
	private static synchronized List<ObjectNode> made() throws IOException {
		if (made == null) {
			made = script();
		}
		return made;
	}

	private static List<ObjectNode> script() throws IOException {
		ProcessBuilder bash = new ProcessBuilder("bash", "deploy/kubernetes/make-secrets.sh", "--print")
			.directory(Rendered.ROOT.toFile());
		bash.environment().put("BACKUP_ACCESS_KEY_ID", "test-access-key");
		bash.environment().put("BACKUP_SECRET_ACCESS_KEY", "test-secret-key");
		try {
			Process process = bash.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
			assertThat(process.exitValue()).as(errors).isZero();
			return Rendered.parse(output);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Set<String>> keysByName(List<ObjectNode> secrets) {
		Map<String, Set<String>> keys = new HashMap<>();
		secrets.forEach(s -> keys.put(s.at("/metadata/name").asText(), fieldNames(s.path("stringData"))));
		return keys;
	}

	private static Set<String> fieldNames(JsonNode node) {
		Set<String> names = new LinkedHashSet<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
