package org.bawaba.contracts.steps;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.AgencyEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An agency could not do its step of an integrated application, and says why, in both languages.
 *
 * @param applicationId the application
 * @param step the step's name, as in the request
 * @param agency the agency reporting; the platform accepts a result only from the step's own agency
 * @param reasonEn why, in English, as the citizen reads it
 * @param reasonAr why, in Arabic
 * @param failedAt when it was decided
 */
@EventType(value = StepFailedV1.TYPE, topic = Topics.AGENCY_STEPS)
public record StepFailedV1(UUID applicationId, String step, String agency, String reasonEn, String reasonAr,
		Instant failedAt) implements AgencyEvent {

	public static final String TYPE = "org.bawaba.agency.step.failed.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
