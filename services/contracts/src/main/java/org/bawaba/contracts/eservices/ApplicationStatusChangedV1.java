package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.OptionalField;
import org.bawaba.contracts.Topics;

/**
 * An application moved from one status to another.
 *
 * @param applicationId the application
 * @param citizenSubject the applicant's pseudonymous subject (Keycloak {@code sub})
 * @param agency the agency that changed it
 * @param from the previous status
 * @param to the new status
 * @param reason why, in the agency's words, when there is one
 * @param changedAt when it changed
 */
@EventType(value = ApplicationStatusChangedV1.TYPE, topic = Topics.ESERVICES_APPLICATIONS)
public record ApplicationStatusChangedV1(UUID applicationId, String citizenSubject, String agency,
		ApplicationStatus from, ApplicationStatus to, @OptionalField String reason, Instant changedAt)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.application.status-changed.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
