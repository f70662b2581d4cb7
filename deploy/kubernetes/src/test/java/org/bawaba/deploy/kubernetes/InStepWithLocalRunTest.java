package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bawaba.contracts.Topics;
import org.bawaba.deploy.kubernetes.LocalRun.Component;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster and the local run stay in step: every component of {@code deploy/local/services.conf} has a
 * Deployment with the same port and the same environment variables as the launcher gives it (secrets from
 * Secrets), probes on health groups its module exposes, a database, a Kafka principal and a Keycloak client;
 * every platform topic has a KafkaTopic; an installation's public names agree everywhere.
 */
class InStepWithLocalRunTest {

	/**
	 * What the launcher gives only on one machine: the gateway's longer time limit for a cold suite on two cores,
	 * and webhook receivers on the loopback interface over plain HTTP.
	 */
	private static final Set<String> LOCAL_ONLY = Set.of("BAWABA_GATEWAY_SERVICE_TIMEOUT", "WEBHOOKS_ALLOW_HTTP_LOOPBACK");

	static Stream<String> overlays() {
		return Rendered.OVERLAYS.stream();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyComponentHasADeploymentWithItsPort(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		for (Component component : LocalRun.components()) {
			JsonNode container = app(rendered.get("Deployment", component.name()));
			assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
			assertThat(container.at("/ports/0/containerPort").asInt()).as(component.name()).isEqualTo(component.port());
			assertThat(value(container, "SERVER_PORT")).isEqualTo(String.valueOf(component.port()));
			assertThat(rendered.get("Service", component.name()).at("/spec/ports/0/port").asInt()).isEqualTo(component.port());
			assertThat(rendered.find("HorizontalPodAutoscaler", component.name())).isPresent();
			assertThat(rendered.find("PodDisruptionBudget", component.name())).isPresent();
			assertThat(rendered.find("NetworkPolicy", component.name())).isPresent();
		}
		assertThat(rendered.ofKind("Deployment")).hasSameSizeAs(LocalRun.components());
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyComponentGetsTheLocalRunsVariablesAndItsSecretsFromSecrets(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		Set<String> startApp = LocalRun.startAppVariables();
		assertThat(startApp).contains("SERVER_PORT", "SERVER_ADDRESS", "SPRING_DATASOURCE_URL", "MAIL_HOST");
		for (Component component : LocalRun.components()) {
			JsonNode container = app(rendered.get("Deployment", component.name()));
			Set<String> expected = new LinkedHashSet<>(LocalRun.platformEnvironment(component.name()));
			startApp.stream()
				.filter(name -> component.hasDatabase() || !name.startsWith("SPRING_DATASOURCE_"))
				.filter(name -> !name.equals("PROCUREMENT_GENERATE_LOCAL_KEYS") && !name.equals("ESERVICES_PAYMENTS_PROVIDER"))
				.filter(name -> !LOCAL_ONLY.contains(name))
				.forEach(expected::add);
			assertThat(variables(rendered, container)).as(component.name()).containsAll(expected);

			Set<String> secrets = new LinkedHashSet<>(LocalRun.componentSecrets(component.name()));
			secrets.add("BAWABA_CLIENT_SECRET");
			if (component.hasDatabase()) {
				secrets.add("SPRING_DATASOURCE_PASSWORD");
			}
			for (String secret : secrets) {
				assertThat(env(container, secret).at("/valueFrom/secretKeyRef/name").asText())
					.as(component.name() + " " + secret + " from a Secret")
					.startsWith("bawaba-");
			}
			assertThat(value(container, "BAWABA_CLIENT_ID")).isEqualTo(component.name());
		}
		// generated keys are for the local run only: the cluster's come from Secrets
		assertThat(value(app(rendered.get("Deployment", "procurement")), "PROCUREMENT_GENERATE_LOCAL_KEYS")).isEqualTo("false");
		assertThat(value(app(rendered.get("Deployment", "gateway")), "BAWABA_GATEWAY_SERVICE_TIMEOUT")).isNull();
		// payments through the installation's provider, never the local run's simulator
		assertThat(value(app(rendered.get("Deployment", "eservices")), "ESERVICES_PAYMENTS_PROVIDER")).isEqualTo("http");
		assertThat(rendered.configMap("bawaba-platform").at("/data/ESERVICES_PAYMENTS_BASE_URL").asText()).startsWith("https://");
		// webhooks leave the cluster over https only
		assertThat(value(app(rendered.get("Deployment", "notifications")), "WEBHOOKS_ALLOW_HTTP_LOOPBACK")).isNull();
		assertThat(rendered.configMap("bawaba-platform").has("data")).isTrue();
		assertThat(rendered.configMap("bawaba-platform").at("/data/WEBHOOKS_ALLOW_HTTP_LOOPBACK").isMissingNode()).isTrue();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void theRegistryGetsWhatTheLauncherGivesIt(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		JsonNode registry = app(rendered.get("StatefulSet", "registry"));
		assertThat(variables(rendered, registry)).contains("SERVER_PORT", "SERVER_ADDRESS", "KEYCLOAK_ISSUER_URI");
		for (String secret : LocalRun.componentSecrets("registry")) {
			assertThat(env(registry, secret).at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("bawaba-registry");
		}
		assertThat(value(registry, "SERVER_PORT")).isEqualTo("8761");
		assertThat(rendered.configMap("bawaba-platform").at("/data/REGISTRY_ADDRESS").asText()).isEqualTo("registry:8761");
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void probesAskHealthGroupsTheModulesExpose(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		String platformDefaults = Files.readString(Rendered.ROOT
			.resolve("services/platform/src/main/resources/org/bawaba/platform/defaults.properties"));
		assertThat(platformDefaults).contains("management.endpoint.health.probes.enabled=true")
			.containsPattern("management.endpoints.web.exposure.include=.*health");
		List<String> modules = new ArrayList<>();
		List<JsonNode> containers = new ArrayList<>();
		for (Component component : LocalRun.components()) {
			modules.add(component.module());
			containers.add(app(rendered.get("Deployment", component.name())));
		}
		modules.add("registry");
		containers.add(app(rendered.get("StatefulSet", "registry")));
		for (int i = 0; i < modules.size(); i++) {
			String module = modules.get(i);
			String pom = Files.readString(Rendered.ROOT.resolve(module).resolve("pom.xml"));
			String config = Files.readString(Rendered.ROOT.resolve(module).resolve("src/main/resources/application.yml"));
			boolean onPlatform = pom.contains("<artifactId>platform</artifactId>");
			assertThat(onPlatform || config.matches("(?s).*probes:\\s+enabled: true.*"))
				.as(module + " exposes the liveness and readiness groups").isTrue();
			JsonNode container = containers.get(i);
			assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				assertThat(container.path(probe).at("/httpGet/port").asText()).as(module + " " + probe).isEqualTo("http");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyPlatformTopicHasAKafkaTopicAndItsDeadLetters(String overlay) throws IllegalAccessException {
		Rendered rendered = Rendered.overlay(overlay);
		Set<String> topics = new LinkedHashSet<>();
		Set<String> perAgency = new LinkedHashSet<>();
		for (Field field : Topics.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
					&& !List.of("DEAD_LETTER_SUFFIX", "AGENCY", "AGENCY_CODE").contains(field.getName())) {
				String topic = (String) field.get(null);
				(Topics.perAgency(topic) ? perAgency : topics).add(topic);
				topics.add(Topics.deadLetter(topic));
			}
		}
		assertThat(topics).hasSizeGreaterThan(20);
		assertThat(perAgency).hasSize(3);
		Set<String> declared = new LinkedHashSet<>();
		for (ObjectNode topic : rendered.ofKind("KafkaTopic")) {
			declared.add(topic.at("/metadata/name").asText());
			assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("bawaba-kafka");
			if (overlay.equals("national")) {
				assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
				assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
			}
		}
		assertThat(declared).containsAll(topics);
		// the rest are the sample agencies' own topics: of a per-agency kind, and each one an agency writes
		Set<String> agencies = new LinkedHashSet<>(declared);
		agencies.removeAll(topics);
		assertThat(agencies).allSatisfy(topic -> assertThat(perAgency)
			.anyMatch(template -> Topics.pattern(template).matcher(topic).matches()));
		assertThat(perAgency).allSatisfy(template -> assertThat(agencies)
			.anyMatch(topic -> Topics.pattern(template).matcher(topic).matches()));
		Set<String> written = new LinkedHashSet<>();
		for (ObjectNode user : rendered.ofKind("KafkaUser")) {
			for (JsonNode acl : user.at("/spec/authorization/acls")) {
				String name = acl.at("/resource/name").asText();
				if (name.startsWith("bawaba.agency.") && acl.path("operations").toString().contains("Write")
						&& !name.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
					written.add(name);
				}
			}
		}
		assertThat(written).isEqualTo(agencies);
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyComponentHasItsDatabaseKafkaPrincipalAndKeycloakClient(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		JsonNode roles = rendered.get("Cluster", "bawaba-db").at("/spec/managed/roles");
		JsonNode realm = rendered.get("KeycloakRealmImport", "bawaba").at("/spec");
		for (Component component : LocalRun.components()) {
			String name = component.name();
			if (component.hasDatabase()) {
				String database = component.clusterDatabase();
				ObjectNode db = rendered.get("Database", name);
				assertThat(db.at("/spec/name").asText()).isEqualTo(database);
				assertThat(db.at("/spec/owner").asText()).isEqualTo(database);
				assertThat(roles).as("role " + database)
					.anySatisfy(role -> {
						assertThat(role.path("name").asText()).isEqualTo(database);
						assertThat(role.at("/passwordSecret/name").asText()).isEqualTo("bawaba-db-" + name);
					});
				assertThat(value(app(rendered.get("Deployment", name)), "SPRING_DATASOURCE_URL"))
					.isEqualTo("jdbc:postgresql://bawaba-db-rw:5432/" + database);
			}
			assertThat(rendered.find("KafkaUser", name)).as("Kafka principal " + name).isPresent();
			assertThat(realm.at("/realm/clients").findValuesAsText("clientId")).contains(name);
			String placeholder = "BAWABA_CLIENT_SECRET_" + name.toUpperCase().replace('-', '_');
			assertThat(realm.at("/placeholders/" + placeholder + "/secret/name").asText()).isEqualTo("bawaba-" + name);
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void anInstallationsPublicNamesAgreeEverywhere(String overlay) {
		Rendered rendered = Rendered.overlay(overlay);
		JsonNode config = rendered.configMap("bawaba-platform").path("data");
		String publicUrl = config.path("BAWABA_PUBLIC_URL").asText();
		String issuer = config.path("KEYCLOAK_ISSUER_URI").asText();
		String publicHost = URI.create(publicUrl).getHost();
		String loginHost = URI.create(issuer).getHost();

		assertThat(config.path("PUBLIC_URL").asText()).isEqualTo(publicUrl);
		assertThat(issuer).isEqualTo("https://" + loginHost + "/realms/bawaba");
		assertThat(rendered.get("Keycloak", "keycloak").at("/spec/hostname/hostname").asText()).isEqualTo("https://" + loginHost);
		assertThat(rendered.get("Kafka", "bawaba-kafka").at("/spec/kafka/listeners/0/authentication/listenerConfig")
			.path("oauthbearer.sasl.jaas.config").asText()).contains("oauth.valid.issuer.uri=\"" + issuer + "\"");
		assertThat(texts(rendered.get("HTTPRoute", "bawaba").at("/spec/hostnames"))).containsExactly(publicHost);
		assertThat(texts(rendered.get("HTTPRoute", "keycloak").at("/spec/hostnames"))).containsExactly(loginHost);
		assertThat(texts(rendered.get("Certificate", "bawaba-public").at("/spec/dnsNames"))).contains(publicHost, loginHost);
		String secretUrl = new String(Base64.getDecoder()
			.decode(rendered.get("Secret", "bawaba-public-url").at("/data/BAWABA_PUBLIC_URL").asText()));
		assertThat(secretUrl).isEqualTo(publicUrl);
	}

	/**
	 * The local broker (deploy/local/kafka) checks clients as the cluster's does: OAUTHBEARER tokens of the realm
	 * with the audience bawaba-kafka, the azp claim as the principal, ACLs with nothing allowed by default, and
	 * no listener that takes a client without signing in.
	 */
	@ParameterizedTest
	@MethodSource("overlays")
	void theLocalBrokerChecksClientsAsTheClustersDoes(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		String cluster = rendered.get("Kafka", "bawaba-kafka").at("/spec/kafka/listeners/0/authentication/listenerConfig")
			.path("oauthbearer.sasl.jaas.config").asText();
		assertThat(cluster).contains("oauth.username.claim=\"azp\"", "'bawaba-kafka' in @.aud");
		assertThat(rendered.get("Kafka", "bawaba-kafka").at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");

		java.util.Properties local = new java.util.Properties();
		try (var in = Files.newBufferedReader(Rendered.ROOT.resolve("deploy/local/kafka/server.properties.template"))) {
			local.load(in);
		}
		assertThat(local.getProperty("sasl.oauthbearer.sub.claim.name")).isEqualTo("azp");
		assertThat(local.getProperty("sasl.oauthbearer.expected.audience")).isEqualTo("bawaba-kafka");
		assertThat(local.getProperty("sasl.oauthbearer.expected.issuer")).isEqualTo("@ISSUER@");
		assertThat(local.getProperty("authorizer.class.name")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		assertThat(local.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
		assertThat(local.getProperty("listener.name.client.sasl.enabled.mechanisms")).isEqualTo("OAUTHBEARER");
		for (String listener : local.getProperty("listener.security.protocol.map").split(",")) {
			assertThat(listener).as("every listener signs clients in").endsWith(":SASL_PLAINTEXT");
		}
		assertThat(local.getProperty("listeners").split(",")).allMatch(listener -> listener.contains("//localhost:"));

		// the launcher fills @REPLICATION@ and @MIN_INSYNC@ with 1 and 1 (one broker) or, with --kafka-brokers 3,
		// 3 and 2: the national cluster's settings, and the laptop overlay's single broker's
		JsonNode config = rendered.get("Kafka", "bawaba-kafka").at("/spec/kafka/config");
		List<Integer> replication = List.of(config.path("default.replication.factor").asInt(),
				config.path("min.insync.replicas").asInt(), config.path("offsets.topic.replication.factor").asInt());
		assertThat(replication).isIn(List.of(1, 1, 1), List.of(3, 2, 3));
		for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
				"transaction.state.log.replication.factor")) {
			assertThat(local.getProperty(key)).as(key).isEqualTo("@REPLICATION@");
		}
		assertThat(local.getProperty("min.insync.replicas")).isEqualTo("@MIN_INSYNC@");
		assertThat(local.getProperty("transaction.state.log.min.isr")).isEqualTo("@MIN_INSYNC@");
	}

	static JsonNode app(ObjectNode workload) {
		for (JsonNode container : workload.at("/spec/template/spec/containers")) {
			if ("app".equals(container.path("name").asText())) {
				return container;
			}
		}
		throw new AssertionError("no container named app in " + workload.at("/metadata/name").asText());
	}

	static JsonNode env(JsonNode container, String name) {
		for (JsonNode variable : container.path("env")) {
			if (name.equals(variable.path("name").asText())) {
				return variable;
			}
		}
		throw new AssertionError("no variable " + name + " in the container");
	}

	static String value(JsonNode container, String name) {
		for (JsonNode variable : container.path("env")) {
			if (name.equals(variable.path("name").asText())) {
				return variable.path("value").asText(null);
			}
		}
		return null;
	}

	/** The container's variables: its own and those of the ConfigMaps it takes whole. */
	static Set<String> variables(Rendered rendered, JsonNode container) {
		Set<String> names = new LinkedHashSet<>();
		container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
		for (JsonNode source : container.path("envFrom")) {
			String configMap = source.at("/configMapRef/name").asText();
			rendered.ofKind("ConfigMap")
				.stream()
				.filter(o -> o.at("/metadata/name").asText().equals(configMap))
				.forEach(o -> o.path("data").fieldNames().forEachRemaining(names::add));
		}
		return names;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(item -> texts.add(item.asText()));
		return texts;
	}

}
