package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * Tell us once: a citizen reported a change (of address or phone) once, and the agencies in
 * {@code agencies} are asked to update their own records. The new value is not in the event: each agency
 * reads it from eservices ({@code GET /changes/{changeId}}) with its own service client. Sent again, with
 * a higher {@code attempt} and only the agencies that have not answered, when they are late. Key:
 * changeId.
 *
 * @param changeId the change
 * @param citizenSubject the citizen's pseudonymous subject (Keycloak {@code sub})
 * @param kind what changed
 * @param agencies the codes of the agencies asked to update (all subscribed ones first, the late ones on a retry)
 * @param attempt 1 for the first request, then one more per retry
 * @param reportedAt when the citizen reported it
 */
@EventType(value = ChangeReportedV1.TYPE, topic = Topics.ESERVICES_CHANGES)
public record ChangeReportedV1(UUID changeId, String citizenSubject, ChangeKind kind, List<String> agencies,
		int attempt, Instant reportedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.change.reported.v1";

	@Override
	public String entityId() {
		return changeId.toString();
	}

}
