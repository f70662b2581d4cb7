package org.bawaba.contracts.participation;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * The agency replied to a complaint (the reply text stays in the service). Key: complaintId.
 *
 * @param complaintId the complaint
 * @param trackingNumber what the citizen quotes
 * @param agency the agency that replied
 * @param citizen the citizen's pseudonymous subject (Keycloak {@code sub})
 * @param repliedAt when it replied
 */
@EventType(value = ComplaintRepliedV1.TYPE, topic = Topics.PARTICIPATION_COMPLAINTS)
public record ComplaintRepliedV1(UUID complaintId, String trackingNumber, String agency, String citizen,
		Instant repliedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.participation.complaint.replied.v1";

	@Override
	public String entityId() {
		return complaintId.toString();
	}

}
