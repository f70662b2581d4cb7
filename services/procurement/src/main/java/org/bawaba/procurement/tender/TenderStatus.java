package org.bawaba.procurement.tender;

/** Where a tender is in its lifecycle. */
public enum TenderStatus {

	/** Being written by its agency; nobody else sees it. */
	DRAFT,
	/** Public: questions until the clarification deadline, bids until the submission deadline. */
	PUBLISHED,
	/** The bids were decrypted at the opening time; the bid-opening record is public. */
	OPENED,
	/** The agency evaluated the opened bids. */
	EVALUATED,
	/** Awarded; the standstill period runs until the contract may be signed. */
	AWARDED,
	/** The contract is signed. */
	CONTRACTED,
	/** Cancelled with a reason. */
	CANCELLED

}
