package org.bawaba.contracts.procurement;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An agency awarded a tender to a supplier, with its justification; the standstill period, during which
 * the award can be challenged and no contract signed, starts. Government spending for open data.
 *
 * @param tenderId the tender
 * @param ocid its Open Contracting ID
 * @param awardId the award
 * @param agency the buying agency
 * @param category the procurement category code of the tender
 * @param supplierId the winning supplier's id in procurement
 * @param supplierName the winning supplier's (English) business name; suppliers' names are public
 * @param value the awarded value (the winning bid's price)
 * @param justification why this bid won, in English and Arabic
 * @param awardedAt when
 * @param standstillEndsAt no contract is signed before then
 */
@EventType(value = AwardPublishedV1.TYPE, topic = Topics.PROCUREMENT_TENDERS)
public record AwardPublishedV1(UUID tenderId, String ocid, UUID awardId, String agency, String category,
		UUID supplierId, String supplierName, Money value, Bilingual justification, Instant awardedAt,
		Instant standstillEndsAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.procurement.award.published.v1";

	@Override
	public String entityId() {
		return tenderId.toString();
	}

}
