package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * A citizen submitted an application for an e-service.
 *
 * @param applicationId the application
 * @param serviceCode the catalogue code of the e-service
 * @param agency the agency that processes it
 * @param citizenSubject the citizen's pseudonymous subject (Keycloak {@code sub}), never the national ID
 * @param submittedAt when it was submitted
 */
@EventType(value = ApplicationSubmittedV1.TYPE, topic = Topics.ESERVICES_APPLICATIONS)
public record ApplicationSubmittedV1(UUID applicationId, String serviceCode, String agency, String citizenSubject,
		Instant submittedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.application.submitted.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
