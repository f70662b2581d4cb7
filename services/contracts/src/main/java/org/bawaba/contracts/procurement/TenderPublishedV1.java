package org.bawaba.contracts.procurement;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An agency published a tender: suppliers may ask questions and bid.
 *
 * @param tenderId the tender
 * @param ocid its Open Contracting ID
 * @param agency the buying agency
 * @param title the title in English and Arabic
 * @param category the procurement category code suppliers subscribe to
 * @param estimatedValue the estimated value
 * @param clarificationDeadline questions are taken until then
 * @param submissionDeadline bids are taken until then (exclusive)
 * @param openingTime the bids are opened then
 * @param publishedAt when it was published
 */
@EventType(value = TenderPublishedV1.TYPE, topic = Topics.PROCUREMENT_TENDERS)
public record TenderPublishedV1(UUID tenderId, String ocid, String agency, Bilingual title, String category,
		Money estimatedValue, Instant clarificationDeadline, Instant submissionDeadline, Instant openingTime,
		Instant publishedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.procurement.tender.published.v1";

	@Override
	public String entityId() {
		return tenderId.toString();
	}

}
