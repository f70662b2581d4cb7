package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * The agency asked the applicant for more information; the application waits for the citizen's answer.
 *
 * @param applicationId the application
 * @param serviceCode the catalogue code of the e-service
 * @param agency the agency that asked
 * @param citizenSubject the applicant's pseudonymous subject (Keycloak {@code sub})
 * @param requestedAt when it was asked
 */
@EventType(value = ApplicationInfoRequestedV1.TYPE, topic = Topics.ESERVICES_APPLICATIONS)
public record ApplicationInfoRequestedV1(UUID applicationId, String serviceCode, String agency, String citizenSubject,
		Instant requestedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.application.info-requested.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
