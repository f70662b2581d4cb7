package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * A step of an integrated application passed its deadline without a result from its agency; the
 * application needs attention and the citizen is told.
 *
 * @param applicationId the application
 * @param serviceCode the catalogue code of the e-service
 * @param agency the agency of the service
 * @param citizenSubject the applicant's pseudonymous subject (Keycloak {@code sub})
 * @param step the overdue step
 * @param stepAgency the agency that owns the step
 * @param dueAt when it was due
 */
@EventType(value = ApplicationStepOverdueV1.TYPE, topic = Topics.ESERVICES_APPLICATIONS)
public record ApplicationStepOverdueV1(UUID applicationId, String serviceCode, String agency, String citizenSubject,
		String step, String stepAgency, Instant dueAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.application.step-overdue.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
