package org.bawaba.contracts.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * The sealed bids of a tender were decrypted at its opening time; the bid-opening record (bidders and
 * prices) is public.
 *
 * @param tenderId the tender
 * @param ocid its Open Contracting ID
 * @param agency the buying agency
 * @param bids every bid standing at the submission deadline
 * @param openedAt when they were opened
 */
@EventType(value = BidsOpenedV1.TYPE, topic = Topics.PROCUREMENT_TENDERS)
public record BidsOpenedV1(UUID tenderId, String ocid, String agency, List<OpenedBid> bids, Instant openedAt)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.procurement.bids.opened.v1";

	public BidsOpenedV1 {
		bids = List.copyOf(bids);
	}

	@Override
	public String entityId() {
		return tenderId.toString();
	}

}
