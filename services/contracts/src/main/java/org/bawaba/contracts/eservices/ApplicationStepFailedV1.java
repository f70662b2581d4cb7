package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * A step of an integrated application failed at its agency; the application needs attention and the
 * citizen is told why.
 *
 * @param applicationId the application
 * @param serviceCode the catalogue code of the e-service
 * @param agency the agency of the service
 * @param citizenSubject the applicant's pseudonymous subject (Keycloak {@code sub})
 * @param step the step that failed
 * @param stepAgency the agency that owns the step
 * @param reasonEn why, in English
 * @param reasonAr why, in Arabic
 * @param failedAt when the agency reported it
 */
@EventType(value = ApplicationStepFailedV1.TYPE, topic = Topics.ESERVICES_APPLICATIONS)
public record ApplicationStepFailedV1(UUID applicationId, String serviceCode, String agency, String citizenSubject,
		String step, String stepAgency, String reasonEn, String reasonAr, Instant failedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.application.step-failed.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
