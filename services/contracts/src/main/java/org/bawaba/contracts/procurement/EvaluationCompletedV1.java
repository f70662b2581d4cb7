package org.bawaba.contracts.procurement;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An agency finished evaluating the opened bids of a tender.
 *
 * @param tenderId the tender
 * @param ocid its Open Contracting ID
 * @param agency the buying agency
 * @param evaluatedBids bids evaluated
 * @param qualifiedBids of those, the ones found qualified
 * @param evaluatedAt when
 */
@EventType(value = EvaluationCompletedV1.TYPE, topic = Topics.PROCUREMENT_TENDERS)
public record EvaluationCompletedV1(UUID tenderId, String ocid, String agency, int evaluatedBids, int qualifiedBids,
		Instant evaluatedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.procurement.evaluation.completed.v1";

	@Override
	public String entityId() {
		return tenderId.toString();
	}

}
