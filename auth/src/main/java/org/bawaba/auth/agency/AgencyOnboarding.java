package org.bawaba.auth.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bawaba.auth.kafka.KafkaAccess;
import org.bawaba.contracts.auth.AgencyClientCreatedV1;
import org.bawaba.contracts.auth.AgencyOffboardedV1;
import org.bawaba.contracts.auth.AgencyOnboardedV1;
import org.bawaba.contracts.auth.AgencySecretRotatedV1;
import org.bawaba.contracts.auth.AgencyStaffAssignedV1;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Onboarding, staff, secrets and offboarding. Keycloak is changed first, then each service client's Kafka ACLs
 * (from the agency's {@link Journey journeys}), both converging (so a call that fails half-way is simply
 * repeated); the platform's record and its audit events are then written in one transaction, and reach Kafka
 * through the outbox. Offboarding disables the clients and removes their ACLs.
 */
@Service
class AgencyOnboarding {

	private final KeycloakRealm realm;

	private final KafkaAccess kafka;

	private final AgencyRepository agencies;

	private final EventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AgencyOnboarding(KeycloakRealm realm, KafkaAccess kafka, AgencyRepository agencies, EventPublisher events,
			TransactionTemplate transaction, ObjectProvider<Clock> clock) {
		this.realm = realm;
		this.kafka = kafka;
		this.agencies = agencies;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	OnboardingResult onboard(Caller caller, String code, AgencyRequest request) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		List<ClientCredentials> credentials = new ArrayList<>();
		keycloak(() -> {
			realm.ensureGroup(code);
			for (String service : request.services().stream().distinct().toList()) {
				Optional<String> secret = realm.ensureClient(code, service);
				secret.ifPresent(value -> credentials.add(new ClientCredentials(service,
						KeycloakRealm.clientId(code, service), value, realm.tokenUrl())));
			}
			return null;
		});
		Optional<Agency> known = agencies.find(code);
		List<Journey> journeys = (request.journeys() != null) ? request.journeys()
				: known.map(Agency::journeys).orElse(List.of());
		if (request.journeys() != null || !journeys.isEmpty()) {
			// every service client of the agency, those it had and those this call adds
			List<String> services = new ArrayList<>(request.services().stream().distinct().toList());
			known.ifPresent(agency -> agency.services().stream().map(Agency.AgencyService::name)
				.filter(service -> !services.contains(service)).forEach(services::add));
			// its own topics first, so that its services and eservices find them; kept after offboarding (history)
			kafka.createTopics(Journey.topics(code, journeys));
			for (String service : services) {
				String clientId = KeycloakRealm.clientId(code, service);
				kafka.converge(KafkaAccess.principal(clientId), Journey.access(clientId, code, journeys));
			}
		}
		Instant now = clock.instant();
		boolean created = transaction.execute(status -> {
			boolean isNew = agencies.upsert(code, request.name(), now);
			for (String service : request.services().stream().distinct().toList()) {
				agencies.addService(code, service, KeycloakRealm.clientId(code, service), now);
			}
			agencies.setJourneys(code, journeys);
			for (ClientCredentials credential : credentials) {
				events.publish(new AgencyClientCreatedV1(code, credential.service(), credential.clientId(),
						caller.subject(), now));
			}
			events.publish(new AgencyOnboardedV1(code, isNew, agencies.find(code).orElseThrow().services().size(),
					caller.subject(), now));
			return isNew;
		});
		return new OnboardingResult(agencies.find(code).orElseThrow(), created, credentials);
	}

	ClientCredentials rotateSecret(Caller caller, String code, String service) {
		Agency agency = activeAgency(caller, code);
		if (agency.services().stream().noneMatch(candidate -> candidate.name().equals(service))) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "agency-service-not-found", code, service);
		}
		String secret = keycloak(() -> realm.rotateSecret(code, service));
		Instant now = clock.instant();
		transaction.executeWithoutResult(status -> {
			agencies.secretRotated(code, service, now);
			events.publish(new AgencySecretRotatedV1(code, service, KeycloakRealm.clientId(code, service),
					caller.subject(), now));
		});
		return new ClientCredentials(service, KeycloakRealm.clientId(code, service), secret, realm.tokenUrl());
	}

	StaffAssignment assignStaff(Caller caller, String code, StaffRequest request) {
		activeAgency(caller, code);
		StaffAssignment assignment = keycloak(() -> realm.assignStaff(code, realm.ensureGroup(code), request));
		Instant now = clock.instant();
		transaction.executeWithoutResult(status -> events.publish(new AgencyStaffAssignedV1(code,
				assignment.subject(), assignment.admin(), assignment.invited(), caller.subject(), now)));
		return assignment;
	}

	void offboard(Caller caller, String code) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		Agency agency = agencies.find(code)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "agency-not-found", code));
		int disabled = keycloak(() -> (int) agency.services()
			.stream()
			.filter(service -> realm.disableClient(code, service.name()))
			.count());
		agency.services().forEach(service -> kafka.revoke(KafkaAccess.principal(service.clientId())));
		Instant now = clock.instant();
		transaction.executeWithoutResult(status -> {
			agencies.offboard(code, now);
			events.publish(new AgencyOffboardedV1(code, disabled, caller.subject(), now));
		});
	}

	/** The agency, when it is active and the caller is a platform admin or an admin of it. */
	private Agency activeAgency(Caller caller, String code) {
		if (!caller.isPlatformAdmin()) {
			caller.requireRole(Roles.AGENCY_ADMIN);
			caller.requireAgency(code);
		}
		Agency agency = agencies.find(code)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "agency-not-found", code));
		if (agency.status() != Agency.Status.ACTIVE) {
			throw new ProblemException(HttpStatus.CONFLICT, "agency-offboarded", code);
		}
		return agency;
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
