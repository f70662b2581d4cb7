package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * The citizen rated the service after completion, for the satisfaction statistics. The comment stays in
 * the service (it may hold personal details); only whether there is one travels.
 *
 * @param applicationId the application
 * @param serviceCode the catalogue code of the e-service
 * @param agency the agency of the service
 * @param score 1 (very unsatisfied) to 5 (very satisfied)
 * @param hasComment whether the citizen wrote a comment
 * @param ratedAt when
 */
@EventType(value = ApplicationRatedV1.TYPE, topic = Topics.ESERVICES_APPLICATIONS)
public record ApplicationRatedV1(UUID applicationId, String serviceCode, String agency, int score, boolean hasComment,
		Instant ratedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.application.rated.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
