package org.bawaba.contracts.steps;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.AgencyEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An agency did its step of an integrated application.
 *
 * @param applicationId the application
 * @param step the step's name, as in the request
 * @param agency the agency reporting; the platform accepts a result only from the step's own agency
 * @param reference the agency's reference for what it did (a certificate number, a case number)
 * @param completedAt when it was done
 */
@EventType(value = StepCompletedV1.TYPE, topic = Topics.AGENCY_STEPS)
public record StepCompletedV1(UUID applicationId, String step, String agency, String reference,
		Instant completedAt) implements AgencyEvent {

	public static final String TYPE = "org.bawaba.agency.step.completed.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
