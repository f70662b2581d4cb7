package org.bawaba.auth.system;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.bawaba.auth.agency.KeycloakRealm;
import org.bawaba.auth.kafka.KafkaAccess;
import org.bawaba.contracts.Topics;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Onboarding an outside system for Kafka (issue 17), like an agency: its Keycloak client first, then its ACLs,
 * then the platform's record; each step converges, so a call that failed half-way is simply repeated.
 * Offboarding removes its ACLs and its client: it cannot sign in again, and a connection it holds is closed
 * by the brokers when its token expires.
 */
@Service
class SystemOnboarding {

	private final KeycloakRealm realm;

	private final KafkaAccess kafka;

	private final SystemRepository systems;

	private final Clock clock;

	private final String bootstrapServers;

	SystemOnboarding(KeycloakRealm realm, KafkaAccess kafka, SystemRepository systems,
			ObjectProvider<Clock> clock,
			@Value("${auth.systems.bootstrap-servers:${spring.kafka.bootstrap-servers}}") String bootstrapServers) {
		this.realm = realm;
		this.kafka = kafka;
		this.systems = systems;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.bootstrapServers = bootstrapServers;
	}

	OnboardingResult onboard(Caller caller, String id, SystemRequest request) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		List<String> topics = request.topics().stream().distinct().sorted().toList();
		for (String topic : topics) {
			if (!Topics.PUBLIC.contains(topic)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "topic-not-public", topic,
						String.join(", ", Topics.PUBLIC.stream().sorted().toList()));
			}
		}
		String clientId = ExternalSystem.clientId(id);
		Optional<String> secret = keycloak(() -> realm.ensureSystemClient(clientId, request.name().en()));
		kafka.converge(KafkaAccess.principal(clientId), access(clientId, topics));
		Instant now = clock.instant();
		boolean created = systems.upsert(id, request.name(), topics, now);
		SystemAccess access = secret
			.map(value -> new SystemAccess(clientId, value, realm.tokenUrl(), bootstrapServers, clientId, topics))
			.orElse(null);
		return new OnboardingResult(systems.find(id).orElseThrow(), created, access);
	}

	void offboard(Caller caller, String id) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		ExternalSystem system = systems.find(id)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "system-not-found", id));
		kafka.revoke(KafkaAccess.principal(system.clientId()));
		keycloak(() -> realm.deleteClient(system.clientId()));
		systems.delete(id);
	}

	/** Read its topics, and the consumer groups named with its client id as prefix; nothing else. */
	static List<AclBinding> access(String clientId, List<String> topics) {
		String principal = KafkaAccess.principal(clientId);
		List<AclBinding> acls = new ArrayList<>();
		topics.forEach(topic -> acls.addAll(KafkaAccess.read(principal, topic)));
		acls.add(KafkaAccess.group(principal, clientId, PatternType.PREFIXED));
		return acls;
	}

	List<ExternalSystem> list(Caller caller) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		return systems.findAll();
	}

	private static <T> T keycloak(Supplier<T> change) {
		try {
			return change.get();
		}
		catch (RuntimeException ex) {
			if (KeycloakRealm.isKeycloakFailure(ex)) {
				throw new ProblemException(HttpStatus.BAD_GATEWAY, "keycloak-unavailable");
			}
			throw ex;
		}
	}

}
