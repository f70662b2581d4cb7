package org.bawaba.contracts.procurement;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An agency amended a published tender; the amendment is a new published version.
 *
 * @param tenderId the tender
 * @param ocid its Open Contracting ID
 * @param agency the buying agency
 * @param version the new version (1 is the version first published)
 * @param rationale why it was amended, in the agency's words
 * @param clarificationDeadline questions are taken until then
 * @param submissionDeadline bids are taken until then, after any extension the rules required
 * @param openingTime the bids are opened then
 * @param deadlineExtended whether the rules moved the submission deadline (and opening) later
 * @param amendedAt when the amendment was published
 */
@EventType(value = TenderAmendedV1.TYPE, topic = Topics.PROCUREMENT_TENDERS)
public record TenderAmendedV1(UUID tenderId, String ocid, String agency, int version, String rationale,
		Instant clarificationDeadline, Instant submissionDeadline, Instant openingTime, boolean deadlineExtended,
		Instant amendedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.procurement.tender.amended.v1";

	@Override
	public String entityId() {
		return tenderId.toString();
	}

}
