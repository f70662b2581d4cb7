import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The local broker's topics and ACLs, from the cluster's own declarations: every KafkaTopic of
 * {@code topics.yaml} (with BROKERS brokers: the file's replicas and {@code min.insync.replicas} with three, one
 * and one with a single broker) and, for every KafkaUser of {@code users.yaml}, its ACLs for the
 * principal {@code User:<name>} (the client id, the token's azp claim). A declared principal's ACLs that are
 * not declared are removed, so it holds exactly what the file says after every start; other principals (the
 * outside systems the auth service onboards) are left as they are. Run in the broker's session by
 * the launcher, with Kafka's own libraries:
 *
 * <pre>java -cp "$KAFKA_LIBS/*" deploy/local/KafkaAcls.java BOOTSTRAP PASSWORD TOPICS_YAML USERS_YAML [BROKERS]</pre>
 *
 * It connects as the broker's super user (SASL PLAIN on the broker's own listener) and, before it creates a
 * topic, waits until BROKERS brokers have joined the cluster (a topic cannot have more replicas than brokers).
 */
public class KafkaAcls {

	public static void main(String[] args) throws Exception {
		if (args.length != 4 && args.length != 5) {
			System.err.println("usage: KafkaAcls BOOTSTRAP PASSWORD TOPICS_YAML USERS_YAML [BROKERS]");
			System.exit(2);
		}
		int brokers = args.length == 5 ? Integer.parseInt(args[4]) : 1;
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
		config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		config.put("sasl.mechanism", "PLAIN");
		config.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
				+ "username=\"broker\" password=\"" + args[1] + "\";");
		List<NewTopic> topics = topics(documents(new File(args[2])), brokers);
		List<JsonNode> users = documents(new File(args[3]));
		Set<AclBinding> declared = acls(users);
		try (Admin admin = Admin.create(config)) {
			awaitBrokers(admin, brokers);
			Set<String> existing = admin.listTopics().names().get();
			List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
			for (NewTopic topic : missing) {
				try {
					admin.createTopics(List.of(topic)).all().get();
				} catch (ExecutionException e) {
					if (!(e.getCause() instanceof TopicExistsException)) {
						throw e;
					}
				}
			}
			// only the declared principals' ACLs are this file's: outside systems' are the auth service's (/systems)
			Set<String> principals = new HashSet<>();
			users.stream().filter(user -> "KafkaUser".equals(user.path("kind").asText()))
				.forEach(user -> principals.add("User:" + user.path("metadata").path("name").asText()));
			Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
			List<AclBindingFilter> stale = present.stream()
				.filter(binding -> principals.contains(binding.entry().principal()) && !declared.contains(binding))
				.map(AclBinding::toFilter).toList();
			List<AclBinding> added = declared.stream().filter(binding -> !present.contains(binding)).toList();
			if (!stale.isEmpty()) {
				admin.deleteAcls(stale).all().get();
			}
			if (!added.isEmpty()) {
				admin.createAcls(added).all().get();
			}
			System.out.printf("Kafka topics: %d declared, %d created. ACLs: %d for %d principals (%d added, %d removed).%n",
					topics.size(), missing.size(), declared.size(), principals.size(), added.size(), stale.size());
		}
	}

	private static List<JsonNode> documents(File file) throws Exception {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
		List<JsonNode> documents = new ArrayList<>();
		try (YAMLParser parser = new YAMLFactory().createParser(file)) {
			var values = yaml.readValues(parser, JsonNode.class);
			while (values.hasNext()) {
				JsonNode document = values.next();
				if (document != null && !document.isNull()) {
					documents.add(document);
				}
			}
		}
		return documents;
	}

	private static void awaitBrokers(Admin admin, int brokers) throws Exception {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(300);
		int joined = admin.describeCluster().nodes().get().size();
		while (joined < brokers) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(joined + " of " + brokers + " brokers joined the cluster in 300 s");
			}
			Thread.sleep(500);
			joined = admin.describeCluster().nodes().get().size();
		}
	}

	/** Every KafkaTopic, with its partitions and configuration, on as many replicas as there are brokers. */
	static List<NewTopic> topics(List<JsonNode> documents, int brokers) {
		List<NewTopic> topics = new ArrayList<>();
		for (JsonNode topic : documents) {
			if (!"KafkaTopic".equals(topic.path("kind").asText())) {
				continue;
			}
			Map<String, String> settings = new java.util.HashMap<>();
			topic.path("spec").path("config").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
			int replicas = Math.min(topic.path("spec").path("replicas").asInt(1), brokers);
			if (replicas == 1) {
				settings.put("min.insync.replicas", "1");
			}
			topics.add(new NewTopic(topic.path("metadata").path("name").asText(),
					topic.path("spec").path("partitions").asInt(1), (short) replicas).configs(settings));
		}
		return topics;
	}

	/** Every KafkaUser's ACLs, each operation one ALLOW binding for its principal from any host. */
	static Set<AclBinding> acls(List<JsonNode> documents) {
		Set<AclBinding> bindings = new HashSet<>();
		for (JsonNode user : documents) {
			if (!"KafkaUser".equals(user.path("kind").asText())) {
				continue;
			}
			String principal = "User:" + user.path("metadata").path("name").asText();
			for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
				JsonNode resource = acl.path("resource");
				ResourceType type = ResourceType.fromString(resource.path("type").asText());
				ResourcePattern pattern = new ResourcePattern(type,
						type == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText(),
						"prefix".equals(resource.path("patternType").asText()) ? PatternType.PREFIXED : PatternType.LITERAL);
				for (JsonNode operation : acl.path("operations")) {
					bindings.add(new AclBinding(pattern, new AccessControlEntry(principal, "*",
							AclOperation.fromString(operation.asText()), AclPermissionType.ALLOW)));
				}
			}
		}
		return bindings;
	}
}
