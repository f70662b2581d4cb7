package org.bawaba.contracts.procurement;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An agency answered a supplier's question about a tender; the answer is published to everyone, without
 * the asker's identity. Key: tenderId.
 *
 * @param tenderId the tender
 * @param ocid its Open Contracting ID
 * @param agency the buying agency
 * @param clarificationId the question and its answer
 * @param answeredAt when
 */
@EventType(value = ClarificationAnsweredV1.TYPE, topic = Topics.PROCUREMENT_TENDERS)
public record ClarificationAnsweredV1(UUID tenderId, String ocid, String agency, UUID clarificationId,
		Instant answeredAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.procurement.clarification.answered.v1";

	@Override
	public String entityId() {
		return tenderId.toString();
	}

}
