package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * Tell us once, the outcome: every agency asked has answered, or the deadline passed. The citizen gets
 * one consolidated notice from it. An agency that answers later still updates the change's status (seen
 * in {@code GET /me/changes/{id}}), without a second event. Key: changeId.
 *
 * @param changeId the change
 * @param citizenSubject the citizen's pseudonymous subject (Keycloak {@code sub})
 * @param kind what changed
 * @param updated the agencies that updated their records
 * @param failed the agencies that could not (their reasons are in the change's status)
 * @param late the agencies that had not answered by the deadline (still asked again)
 * @param completedAt when the outcome was settled
 */
@EventType(value = ChangeCompletedV1.TYPE, topic = Topics.ESERVICES_CHANGES)
public record ChangeCompletedV1(UUID changeId, String citizenSubject, ChangeKind kind, List<AgencyTitle> updated,
		List<AgencyTitle> failed, List<AgencyTitle> late, Instant completedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.change.completed.v1";

	@Override
	public String entityId() {
		return changeId.toString();
	}

}
