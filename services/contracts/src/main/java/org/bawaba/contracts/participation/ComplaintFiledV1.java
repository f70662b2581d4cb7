package org.bawaba.contracts.participation;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.OptionalField;
import org.bawaba.contracts.Topics;

/**
 * A citizen filed a complaint or a suggestion (the text stays in the service). Key: complaintId.
 *
 * @param complaintId the complaint
 * @param trackingNumber what the citizen quotes, e.g. {@code CS-2026-000042}
 * @param kind complaint or suggestion
 * @param agency the agency it is against
 * @param serviceCode the e-service it is about, when one was named
 * @param citizen the citizen's pseudonymous subject (Keycloak {@code sub})
 * @param status always FILED
 * @param filedAt when it was filed
 * @param dueAt when it must be resolved by (the agency's resolution SLA)
 * @param firstReplyDueAt when the agency must first reply by
 */
@EventType(value = ComplaintFiledV1.TYPE, topic = Topics.PARTICIPATION_COMPLAINTS)
public record ComplaintFiledV1(UUID complaintId, String trackingNumber, ComplaintKind kind, String agency,
		@OptionalField String serviceCode, String citizen, ComplaintStatus status, Instant filedAt, Instant dueAt,
		Instant firstReplyDueAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.participation.complaint.filed.v1";

	@Override
	public String entityId() {
		return complaintId.toString();
	}

}
