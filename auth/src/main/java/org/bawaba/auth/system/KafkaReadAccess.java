package org.bawaba.auth.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
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
 * An outside system's Kafka ACLs, through Kafka's Admin API as the auth service's own principal (which the
 * brokers let alter ACLs: {@code deploy/kubernetes/base/kafka/users.yaml}): Read and Describe on each of its
 * topics, Read on the consumer groups named with its prefix, nothing else. Converging: what it had before and
 * no longer has is removed.
 */
@Component
class KafkaReadAccess implements DisposableBean {

	private final Admin admin;

	KafkaReadAccess(KafkaAdmin kafka) {
		this.admin = Admin.create(kafka.getConfigurationProperties());
	}

	/** Makes the principal's ACLs exactly: read {@code topics}, read groups starting with {@code groupPrefix}. */
	void grant(String principal, Collection<String> topics, String groupPrefix) {
		List<AclBinding> wanted = new ArrayList<>();
		for (String topic : topics) {
			ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
			wanted.add(allow(pattern, principal, AclOperation.READ));
			wanted.add(allow(pattern, principal, AclOperation.DESCRIBE));
		}
		wanted.add(allow(new ResourcePattern(ResourceType.GROUP, groupPrefix, PatternType.PREFIXED), principal,
				AclOperation.READ));
		Collection<AclBinding> present = call(admin.describeAcls(filter(principal)).values());
		List<AclBindingFilter> stale = present.stream().filter(binding -> !wanted.contains(binding))
			.map(AclBinding::toFilter).toList();
		List<AclBinding> missing = wanted.stream().filter(binding -> !present.contains(binding)).toList();
		if (!stale.isEmpty()) {
			call(admin.deleteAcls(stale).all());
		}
		if (!missing.isEmpty()) {
			call(admin.createAcls(missing).all());
		}
	}

	/** Removes every ACL of the principal; how many there were. */
	int revoke(String principal) {
		return call(admin.deleteAcls(List.of(filter(principal))).all()).size();
	}

	private static AclBinding allow(ResourcePattern pattern, String principal, AclOperation operation) {
		return new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
	}

	private static AclBindingFilter filter(String principal) {
		return new AclBindingFilter(ResourcePatternFilter.ANY,
				new AccessControlEntryFilter(principal, null, AclOperation.ANY, AclPermissionType.ANY));
	}

	private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future) {
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
		admin.close(java.time.Duration.ofSeconds(5));
	}

}
