package org.bawaba.contracts.procurement;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An agency cancelled a tender, with its reason. Bids of a tender cancelled before its opening are never
 * opened.
 *
 * @param tenderId the tender
 * @param ocid its Open Contracting ID
 * @param agency the buying agency
 * @param reason why, in the agency's words
 * @param cancelledAt when
 */
@EventType(value = TenderCancelledV1.TYPE, topic = Topics.PROCUREMENT_TENDERS)
public record TenderCancelledV1(UUID tenderId, String ocid, String agency, String reason, Instant cancelledAt)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.procurement.tender.cancelled.v1";

	@Override
	public String entityId() {
		return tenderId.toString();
	}

}
