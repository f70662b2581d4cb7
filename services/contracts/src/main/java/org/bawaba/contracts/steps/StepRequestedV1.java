package org.bawaba.contracts.steps;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * A citizen submitted an integrated (level 4) application; one of its steps is the named agency's to do.
 * One event per step. No personal data: an agency that needs the form reads it with its own client.
 *
 * @param applicationId the application
 * @param serviceCode the catalogue code of the e-service
 * @param step the step's name, as declared in the catalogue, e.g. {@code birth-certificate}
 * @param agency the agency that owns the step; only its service acts on the event
 * @param citizenSubject the applicant's pseudonymous subject (Keycloak {@code sub})
 * @param requestedAt when the application was submitted
 * @param dueAt when the step is overdue unless the agency reported its result
 */
@EventType(value = StepRequestedV1.TYPE, topic = Topics.ESERVICES_STEPS)
public record StepRequestedV1(UUID applicationId, String serviceCode, String step, String agency,
		String citizenSubject, Instant requestedAt, Instant dueAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.application.step-requested.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
