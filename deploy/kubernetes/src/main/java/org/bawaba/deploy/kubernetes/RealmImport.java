package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Makes the Keycloak Operator's {@code KeycloakRealmImport} of the cluster ({@value #OUTPUT}) from the realm file
 * the local run imports ({@value #REALM}), so that both are the same realm:
 * <ul>
 * <li>without what belongs to the local run only: the demo users (every user but the clients' service accounts)
 * and the clients {@link #LOCAL_ONLY_CLIENTS} with their service accounts;</li>
 * <li>with the client {@value #REGISTRY} as long as the realm file has none: the registry's peers replicate as
 * it, and the local run has a single registry;</li>
 * <li>with the realm file's placeholders ({@code ${BAWABA_CLIENT_SECRET_<CLIENT>}}, {@code ${BAWABA_PUBLIC_URL}})
 * filled by the operator from Secrets: each client's secret from the Secret {@code bawaba-<client>} (key
 * {@code BAWABA_CLIENT_SECRET}, the one its component reads), the public address from {@code bawaba-public-url}.</li>
 * </ul>
 * Run {@code ./mvnw -q -pl deploy/kubernetes compile exec:java} after changing the realm file; a test fails while
 * the committed import differs from what this makes.
 */
public final class RealmImport {

	static final String REALM = "auth/src/main/resources/keycloak/bawaba-realm.json";

	static final String OUTPUT = "deploy/kubernetes/base/keycloak/realm-import.yaml";

	/** Clients of the local run only: password grants for the command line, a demo outside system. */
	static final Set<String> LOCAL_ONLY_CLIENTS = Set.of("bawaba-cli", "demo-integration");

	static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

	static final String REGISTRY = "registry";

	static final String PUBLIC_URL = "BAWABA_PUBLIC_URL";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
		.disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
		.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
		.enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

	private static final String HEADER = """
			# Made by org.bawaba.deploy.kubernetes.RealmImport from
			#   %s
			# Do not edit: after changing the realm file, run  ./mvnw -q -pl deploy/kubernetes compile exec:java
			# The local realm without its demo users and its local-only clients (%s);
			# the Keycloak Operator fills the placeholders from Secrets (make-secrets.sh).
			""".formatted(REALM, String.join(", ", new TreeSet<>(LOCAL_ONLY_CLIENTS)));

	private RealmImport() {
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args.length > 0 ? args[0] : ".");
		Files.writeString(root.resolve(OUTPUT), render(root));
	}

	/** The import's YAML, as {@value #OUTPUT} should hold it. */
	static String render(Path root) throws IOException {
		ObjectNode realm = (ObjectNode) JSON.readTree(root.resolve(REALM).toFile());
		forTheCluster(realm);
		ObjectNode resource = JSON.createObjectNode();
		resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
		resource.put("kind", "KeycloakRealmImport");
		resource.putObject("metadata").put("name", realm.path("realm").asText());
		ObjectNode spec = resource.putObject("spec");
		spec.put("keycloakCRName", "keycloak");
		ObjectNode placeholders = spec.putObject("placeholders");
		placeholders(realm).forEach((variable, secret) -> placeholders.putObject(variable)
			.putObject("secret")
			.put("name", secret.name())
			.put("key", secret.key()));
		spec.set("realm", realm);
		return HEADER + YAML.writeValueAsString(resource);
	}

	/** Leaves out the local run's demo users and clients, and adds the registry's client when missing. */
	static void forTheCluster(ObjectNode realm) {
		ArrayNode clients = (ArrayNode) realm.withArray("clients");
		clients.removeIf(client -> LOCAL_ONLY_CLIENTS.contains(client.path("clientId").asText()));
		ArrayNode users = (ArrayNode) realm.withArray("users");
		users.removeIf(user -> !user.path("username").asText().startsWith(SERVICE_ACCOUNT_PREFIX)
				|| LOCAL_ONLY_CLIENTS.contains(user.path("serviceAccountClientId").asText()));
		boolean hasRegistry = false;
		for (JsonNode client : clients) {
			hasRegistry |= REGISTRY.equals(client.path("clientId").asText());
		}
		if (!hasRegistry) {
			addRegistryClient(clients, users);
		}
	}

	/** The registry's client, shaped like the platform services' own clients (a service account, role platform-service). */
	private static void addRegistryClient(ArrayNode clients, ArrayNode users) {
		JsonNode model = null;
		for (JsonNode client : clients) {
			if ("opendata".equals(client.path("clientId").asText())) {
				model = client;
			}
		}
		if (model == null) {
			throw new IllegalStateException("the realm file has no client 'opendata' to model the registry's client on");
		}
		ObjectNode registry = model.deepCopy();
		registry.put("clientId", REGISTRY);
		registry.put("name", "Bawaba registry");
		registry.put("description",
				"The registry's peers replicate registrations as this client (a cluster runs several peers).");
		registry.put("secret", "${BAWABA_CLIENT_SECRET_REGISTRY}");
		clients.add(registry);
		ObjectNode account = users.addObject();
		account.put("username", SERVICE_ACCOUNT_PREFIX + REGISTRY);
		account.put("enabled", true);
		account.put("serviceAccountClientId", REGISTRY);
		account.putArray("realmRoles").add("platform-service");
	}

	/** Each placeholder of the realm and the Secret it is filled from. */
	static Map<String, SecretKey> placeholders(ObjectNode realm) {
		Map<String, String> clientBySecret = new LinkedHashMap<>();
		for (JsonNode client : realm.path("clients")) {
			clientBySecret.put(client.path("secret").asText(), client.path("clientId").asText());
		}
		Map<String, SecretKey> placeholders = new LinkedHashMap<>();
		Matcher matcher = PLACEHOLDER.matcher(realm.toString());
		while (matcher.find()) {
			String variable = matcher.group(1);
			String client = clientBySecret.get(matcher.group());
			if (PUBLIC_URL.equals(variable)) {
				placeholders.put(variable, new SecretKey("bawaba-public-url", PUBLIC_URL));
			}
			else if (client != null) {
				placeholders.put(variable, new SecretKey("bawaba-" + client, "BAWABA_CLIENT_SECRET"));
			}
			else {
				throw new IllegalStateException("the realm file's placeholder ${" + variable
						+ "} is neither a client's secret nor " + PUBLIC_URL + ": say in RealmImport which Secret fills it");
			}
		}
		return placeholders;
	}

	/** A key of a Kubernetes Secret. */
	record SecretKey(String name, String key) {
	}

}
