package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.security.auth.login.AppConfigurationEntry;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.bawaba.deploy.kubernetes.LocalRun.Component;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.apache.kafka.common.config.internals.BrokerSecurityConfigs.ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bawaba.deploy.kubernetes.InStepWithLocalRunTest.app;

/**
 * Every component with Kafka logs in at the brokers as itself, with Kafka's own client: its container's
 * environment, resolved as the kubelet resolves it (the ConfigMaps it takes whole, then its own variables in order,
 * {@code $(VAR)} expanded from those defined before) and bound as Spring Boot binds {@code spring.kafka.*}, is a
 * configuration Kafka's OAUTHBEARER login accepts: SASL_SSL, the login callback handler, the token endpoint of
 * the issuer the brokers trust (and the JVM's allowlist for it), its own client id and its own client's secret.
 * Keycloak puts the audience the brokers check into its tokens.
 */
class KafkaClientsTest {

	private static final String LOGIN_HANDLER = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler";

	/** Kubernetes' dependent variables: $(NAME), and $$ for a literal $. */
	private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

	static Stream<String> overlays() {
		return Rendered.OVERLAYS.stream();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyComponentWithKafkaLogsInAsItselfWithTheIssuersTokenEndpoint(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		String issuer = rendered.configMap("bawaba-platform").at("/data/KEYCLOAK_ISSUER_URI").asText();
		String tokenEndpoint = issuer + "/protocol/openid-connect/token";
		assertThat(brokersIssuer(rendered)).as("the brokers accept tokens of the installation's Keycloak")
			.isEqualTo(issuer);

		List<Component> clients = LocalRun.components().stream().filter(KafkaClientsTest::hasKafka).toList();
		assertThat(clients).extracting(Component::name).contains("gateway", "eservices", "auth", "portal", "msd-family");
		for (Component component : clients) {
			String name = component.name();
			Map<String, String> env = environment(rendered, app(rendered.get("Deployment", name)));
			Map<String, Object> kafka = kafkaProperties(env);

			assertThat(kafka).as(name)
				.containsEntry("security.protocol", "SASL_SSL")
				.containsEntry(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER")
				.containsEntry(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, LOGIN_HANDLER)
				.containsEntry(SaslConfigs.SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL, tokenEndpoint)
				.containsEntry(SaslConfigs.SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_ID, name)
				// its own client's secret, from its own Secret, never written into the manifest
				.containsEntry(SaslConfigs.SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET,
						"secret:bawaba-" + name + "/BAWABA_CLIENT_SECRET");

			// the JAAS line names Kafka's login module and nothing else: no credentials in a string
			Map<String, ?> parsed = new AdminClientConfig(kafka).values();
			List<AppConfigurationEntry> jaas = JaasContext.loadClientContext(parsed).configurationEntries();
			assertThat(jaas).as(name).singleElement().satisfies(entry -> {
				assertThat(entry.getLoginModuleName()).isEqualTo(OAuthBearerLoginModule.class.getName());
				assertThat(entry.getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
				assertThat(entry.getOptions()).isEmpty();
			});

			// the JVM lets Kafka call that endpoint (Kafka compares the URL exactly), and the image's heap flags stay
			List<String> jvm = Arrays.asList(env.getOrDefault("JAVA_TOOL_OPTIONS", "").trim().split("\\s+"));
			String allowed = jvm.stream()
				.filter(option -> option.startsWith("-D" + ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG + "="))
				.map(option -> option.substring(option.indexOf('=') + 1))
				.findFirst()
				.orElseThrow(() -> new AssertionError(name + ": no " + ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG + " in " + jvm));
			assertThat(allowed.split(",")).as(name).contains(tokenEndpoint);
			assertThat(jvm).as(name).noneMatch(option -> option.startsWith("-Xm") || option.contains("RAMPercentage"));

			// Kafka's login parses tokens with jose4j, which kafka-clients does not bring (KAFKA-20184)
			assertThat(runsWith(component, "jose4j")).as(name + " runs with jose4j").isTrue();
			assertKafkasLoginAccepts(name, parsed, jaas, allowed);
		}
	}

	/** What the brokers check of a token (audience) is what Keycloak puts into every Kafka client's tokens. */
	@ParameterizedTest
	@MethodSource("overlays")
	void keycloakGivesEveryKafkaClientsTokensTheAudienceTheBrokersCheck(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		String check = listenerJaas(rendered);
		Matcher audience = Pattern.compile("oauth\\.custom\\.claim\\.check=\"'([^']+)' in @\\.aud\"").matcher(check);
		assertThat(audience.find()).as("the brokers check an audience: " + check).isTrue();
		assertThat(check).contains("oauth.username.claim=\"azp\"");

		JsonNode clients = rendered.get("KeycloakRealmImport", "bawaba").at("/spec/realm/clients");
		for (Component component : LocalRun.components().stream().filter(KafkaClientsTest::hasKafka).toList()) {
			JsonNode client = Stream.iterate(0, i -> i < clients.size(), i -> i + 1)
				.map(clients::get)
				.filter(c -> c.path("clientId").asText().equals(component.name()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no Keycloak client " + component.name()));
			assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(component.name()).isTrue();
			assertThat(client.path("protocolMappers")).as(component.name() + " tokens for Kafka")
				.anySatisfy(mapper -> {
					assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
					assertThat(mapper.at("/config/included.custom.audience").asText()).isEqualTo(audience.group(1));
					assertThat(mapper.at("/config/access.token.claim").asText()).isEqualTo("true");
				});
		}
	}

	/** The registry has no Kafka: it is given none of the clients' settings. */
	@ParameterizedTest
	@MethodSource("overlays")
	void onlyKafkaClientsGetKafkaSettings(String overlay) throws IOException {
		Rendered rendered = Rendered.overlay(overlay);
		Component registry = new Component("registry", 8761, "registry", "-");
		assertThat(hasKafka(registry)).isFalse();
		Map<String, String> env = environment(rendered, app(rendered.get("StatefulSet", "registry")));
		assertThat(env.keySet()).noneMatch(name -> name.startsWith("SPRING_KAFKA_"));
		assertThat(env.getOrDefault("JAVA_TOOL_OPTIONS", "")).doesNotContain(ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG);
		for (Component component : LocalRun.components()) {
			boolean kafkaSettings = environment(rendered, app(rendered.get("Deployment", component.name()))).keySet()
				.stream()
				.anyMatch(name -> name.startsWith("SPRING_KAFKA_"));
			assertThat(kafkaSettings).as(component.name()).isEqualTo(hasKafka(component));
		}
	}

	/**
	 * Kafka's own login callback handler takes the configuration (as a client configures it before its first
	 * login): the token endpoint is allowed by the JVM's allowlist, the client id and secret are found. Without the
	 * allowlist it refuses, so the system property is what lets it call Keycloak.
	 */
	private static void assertKafkasLoginAccepts(String name, Map<String, ?> parsed, List<AppConfigurationEntry> jaas,
			String allowed) {
		String before = System.getProperty(ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG);
		try {
			System.clearProperty(ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG);
			assertThatThrownBy(() -> configure(parsed, jaas)).as(name).isInstanceOf(ConfigException.class)
				.hasMessageContaining(ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG);
			System.setProperty(ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG, allowed);
			configure(parsed, jaas);
		}
		finally {
			if (before == null) {
				System.clearProperty(ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG);
			}
			else {
				System.setProperty(ALLOWED_SASL_OAUTHBEARER_URLS_CONFIG, before);
			}
		}
	}

	private static void configure(Map<String, ?> parsed, List<AppConfigurationEntry> jaas) {
		OAuthBearerLoginCallbackHandler handler = new OAuthBearerLoginCallbackHandler();
		try {
			handler.configure(parsed, "OAUTHBEARER", jaas);
		}
		finally {
			handler.close();
		}
	}

	/** The Kafka client configuration a component builds from its environment (Spring Boot's binding). */
	static Map<String, Object> kafkaProperties(Map<String, String> env) {
		SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(env));
		KafkaProperties kafka = new KafkaProperties();
		new Binder(ConfigurationPropertySources.from(source)).bind("spring.kafka", Bindable.ofInstance(kafka));
		Map<String, Object> properties = new LinkedHashMap<>(kafka.buildAdminProperties());
		properties.replaceAll((key, value) -> value instanceof Password password ? password.value() : value);
		return properties;
	}

	/**
	 * A container's environment as the kubelet makes it: the ConfigMaps it takes whole, then its own variables in
	 * order, each {@code $(VAR)} replaced by a variable defined before it (left as written when there is none).
	 * A variable from a Secret reads {@code secret:<name>/<key>}.
	 */
	static Map<String, String> environment(Rendered rendered, JsonNode container) {
		Map<String, String> env = new LinkedHashMap<>();
		for (JsonNode source : container.path("envFrom")) {
			String configMap = source.at("/configMapRef/name").asText();
			rendered.ofKind("ConfigMap")
				.stream()
				.filter(o -> o.at("/metadata/name").asText().equals(configMap))
				.forEach(o -> o.path("data").fieldNames().forEachRemaining(key -> env.put(key, o.at("/data").path(key).asText())));
		}
		for (JsonNode variable : container.path("env")) {
			String name = variable.path("name").asText();
			JsonNode secret = variable.at("/valueFrom/secretKeyRef");
			if (!secret.isMissingNode()) {
				env.put(name, "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
			}
			else if (variable.has("valueFrom")) {
				env.put(name, "from:" + variable.path("valueFrom"));
			}
			else {
				env.put(name, expand(variable.path("value").asText(), env));
			}
		}
		return env;
	}

	static String expand(String value, Map<String, String> defined) {
		return REFERENCE.matcher(value).replaceAll(reference -> {
			if (reference.group().equals("$$")) {
				return Matcher.quoteReplacement("$");
			}
			String name = reference.group(1);
			return Matcher.quoteReplacement(defined.getOrDefault(name, reference.group()));
		});
	}

	/** A component is a Kafka client when its module has Spring's Kafka, itself or through the platform starter. */
	static boolean hasKafka(Component component) {
		return runsWith(component, "spring-boot-starter-kafka");
	}

	/** The module's application runs with the artifact: its own dependency or the platform starter's, not a test's. */
	static boolean runsWith(Component component, String artifact) {
		try {
			String pom = Files.readString(Rendered.ROOT.resolve(component.module()).resolve("pom.xml"));
			if (dependsAtRuntime(pom, artifact)) {
				return true;
			}
			String platform = Files.readString(Rendered.ROOT.resolve("services/platform/pom.xml"));
			return dependsAtRuntime(pom, "platform") && dependsAtRuntime(platform, artifact);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean dependsAtRuntime(String pom, String artifact) {
		Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
		while (dependency.find()) {
			String declaration = dependency.group(1);
			if (declaration.contains("<artifactId>" + artifact + "</artifactId>")
					&& !declaration.matches("(?s).*<scope>(test|provided)</scope>.*")) {
				return true;
			}
		}
		return false;
	}

	private static String listenerJaas(Rendered rendered) {
		return rendered.get("Kafka", "bawaba-kafka")
			.at("/spec/kafka/listeners/0/authentication/listenerConfig")
			.path("oauthbearer.sasl.jaas.config")
			.asText();
	}

	private static String brokersIssuer(Rendered rendered) {
		Matcher issuer = Pattern.compile("oauth\\.valid\\.issuer\\.uri=\"([^\"]+)\"").matcher(listenerJaas(rendered));
		assertThat(issuer.find()).as("the brokers' valid issuer").isTrue();
		return issuer.group(1);
	}

}
