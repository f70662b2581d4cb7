package org.bawaba.auth.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.bawaba.platform.problem.ProblemException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The Kafka ACLs of the principals the auth service onboards (agencies' services, outside systems), and the
 * topics of the agencies it onboards, through
 * Kafka's Admin API as the auth service's own principal (which the brokers let alter ACLs:
 * {@code deploy/kubernetes/base/kafka/users.yaml}). Converging: a principal ends with exactly the ACLs it is
 * given, what it had before and no longer has is removed. Kafka unreachable is a 502 problem; each call is
 * simply repeated.
 */
@Component
public class KafkaAccess implements DisposableBean {

	private final Admin admin;

	KafkaAccess(KafkaAdmin kafka) {
		this.admin = Admin.create(kafka.getConfigurationProperties());
	}

	/** Makes {@code principal}'s ACLs exactly {@code wanted}. */
	public void converge(String principal, Collection<AclBinding> wanted) {
		Collection<AclBinding> present = call(admin.describeAcls(filter(principal)).values());
		List<AclBindingFilter> stale = present.stream().filter(binding -> !wanted.contains(binding))
			.map(AclBinding::toFilter).toList();
		List<AclBinding> missing = wanted.stream().filter(binding -> !present.contains(binding)).distinct().toList();
		if (!stale.isEmpty()) {
			call(admin.deleteAcls(stale).all());
		}
		if (!missing.isEmpty()) {
			call(admin.createAcls(missing).all());
		}
	}

	/** Partitions of a topic this service creates: those of the platform's own topics (topics.yaml). */
	static final int PARTITIONS = 3;

	/**
	 * Creates those of {@code topics} that do not exist yet, with {@value #PARTITIONS} partitions and the
	 * brokers' default replication; a topic created meanwhile by someone else is fine.
	 */
	public void createTopics(Collection<String> topics) {
		if (topics.isEmpty()) {
			return;
		}
		Set<String> existing = call(admin.listTopics().names());
		List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic))
			.map(topic -> new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty())).toList();
		if (missing.isEmpty()) {
			return;
		}
		for (NewTopic topic : missing) {
			try {
				admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw new ProblemException(HttpStatus.BAD_GATEWAY, "kafka-unavailable");
				}
			}
			catch (TimeoutException ex) {
				throw new ProblemException(HttpStatus.BAD_GATEWAY, "kafka-unavailable");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ProblemException(HttpStatus.BAD_GATEWAY, "kafka-unavailable");
			}
		}
	}

	/** Removes every ACL of the principal; how many there were. */
	public int revoke(String principal) {
		return call(admin.deleteAcls(List.of(filter(principal))).all()).size();
	}

	/** The Kafka principal of a Keycloak client (the brokers take a token's {@code azp}). */
	public static String principal(String clientId) {
		return "User:" + clientId;
	}

	/** Read and Describe on a topic. */
	public static List<AclBinding> read(String principal, String topic) {
		return topic(principal, topic, AclOperation.READ);
	}

	/** Write and Describe on a topic. */
	public static List<AclBinding> write(String principal, String topic) {
		return topic(principal, topic, AclOperation.WRITE);
	}

	/** Read on the consumer group {@code name}, or on every group starting with it. */
	public static AclBinding group(String principal, String name, PatternType pattern) {
		return allow(new ResourcePattern(ResourceType.GROUP, name, pattern), principal, AclOperation.READ);
	}

	private static List<AclBinding> topic(String principal, String topic, AclOperation operation) {
		ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
		List<AclBinding> bindings = new ArrayList<>();
		bindings.add(allow(pattern, principal, operation));
		bindings.add(allow(pattern, principal, AclOperation.DESCRIBE));
		return bindings;
	}

	private static AclBinding allow(ResourcePattern pattern, String principal, AclOperation operation) {
		return new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
	}

	private static AclBindingFilter filter(String principal) {
		return new AclBindingFilter(ResourcePatternFilter.ANY,
				new AccessControlEntryFilter(principal, null, AclOperation.ANY, AclPermissionType.ANY));
	}

	private static <T> T call(KafkaFuture<T> future) {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new ProblemException(HttpStatus.BAD_GATEWAY, "kafka-unavailable");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProblemException(HttpStatus.BAD_GATEWAY, "kafka-unavailable");
		}
	}

	@Override
	public void destroy() {
		admin.close(Duration.ofSeconds(5));
	}

}
