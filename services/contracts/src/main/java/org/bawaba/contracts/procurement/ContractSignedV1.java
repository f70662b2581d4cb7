package org.bawaba.contracts.procurement;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * The contract of an award was signed after the standstill period. Government spending for open data.
 *
 * @param tenderId the tender
 * @param ocid its Open Contracting ID
 * @param contractId the contract
 * @param awardId the award it implements
 * @param agency the buying agency
 * @param supplierId the supplier's id in procurement
 * @param value the contract value
 * @param signedAt when
 */
@EventType(value = ContractSignedV1.TYPE, topic = Topics.PROCUREMENT_TENDERS)
public record ContractSignedV1(UUID tenderId, String ocid, UUID contractId, UUID awardId, String agency,
		UUID supplierId, Money value, Instant signedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.procurement.contract.signed.v1";

	@Override
	public String entityId() {
		return tenderId.toString();
	}

}
