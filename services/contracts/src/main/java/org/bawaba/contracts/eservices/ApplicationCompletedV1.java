package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An approved application was completed (the service delivered); the citizen is invited to rate it.
 *
 * @param applicationId the application
 * @param serviceCode the catalogue code of the e-service
 * @param agency the agency that completed it
 * @param citizenSubject the applicant's pseudonymous subject (Keycloak {@code sub})
 * @param submittedAt when it was submitted
 * @param completedAt when it was completed
 */
@EventType(value = ApplicationCompletedV1.TYPE, topic = Topics.ESERVICES_APPLICATIONS)
public record ApplicationCompletedV1(UUID applicationId, String serviceCode, String agency, String citizenSubject,
		Instant submittedAt, Instant completedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.application.completed.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
