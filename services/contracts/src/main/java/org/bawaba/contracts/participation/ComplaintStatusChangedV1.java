package org.bawaba.contracts.participation;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.OptionalField;
import org.bawaba.contracts.Topics;

/**
 * A complaint's status changed, or its SLA was breached (then the status is unchanged and
 * {@code slaBreached} is true). Key: complaintId.
 *
 * @param complaintId the complaint
 * @param trackingNumber what the citizen quotes
 * @param kind complaint or suggestion
 * @param agency the agency it is against
 * @param serviceCode the e-service it is about, when one was named
 * @param citizen the citizen's pseudonymous subject (Keycloak {@code sub})
 * @param status the status now
 * @param changedAt when it changed
 * @param slaBreached whether a deadline (first reply or resolution) of this complaint has been missed
 * @param previousStatus the status before (the same as {@code status} for an SLA breach)
 */
@EventType(value = ComplaintStatusChangedV1.TYPE, topic = Topics.PARTICIPATION_COMPLAINTS)
public record ComplaintStatusChangedV1(UUID complaintId, String trackingNumber, ComplaintKind kind, String agency,
		@OptionalField String serviceCode, String citizen, ComplaintStatus status, Instant changedAt,
		boolean slaBreached, ComplaintStatus previousStatus) implements DomainEvent {

	public static final String TYPE = "org.bawaba.participation.complaint.status-changed.v1";

	@Override
	public String entityId() {
		return complaintId.toString();
	}

}
