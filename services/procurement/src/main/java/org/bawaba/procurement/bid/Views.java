package org.bawaba.procurement.bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What the bids API answers. */
final class Views {

	private Views() {
	}

	/**
	 * A bid as its supplier sees it. Before the opening the platform cannot read it back either: the
	 * supplier has its content; the receipt proves what was submitted when.
	 * @param amount the price, once opened
	 */
	record OwnBid(UUID id, UUID tenderId, String status, Instant submittedAt, Receipt receipt,
			@Nullable BigDecimal amount, @Nullable String currency, @Nullable Boolean qualified,
			@Nullable Integer score) {

		static OwnBid of(Bid bid) {
			return new OwnBid(bid.id(), bid.tenderId(), bid.status(), bid.submittedAt(),
					bid.contentSha256() == null ? null : bid.receipt(), bid.openedAmount(), bid.openedCurrency(),
					bid.qualified(), bid.score());
		}

	}

	/**
	 * The answer to a submission or replacement: the bid, its receipt, and the exact canonical content
	 * that was sealed and hashed (so the supplier can check the receipt's hash).
	 */
	record Submitted(UUID id, UUID tenderId, String status, Instant submittedAt, Receipt receipt, String content) {
	}

	/** An opened bid, for the tender's agency. */
	record OpenedBid(UUID id, UUID supplierId, String supplierName, String supplierNameAr, BigDecimal amount,
			String currency, Instant submittedAt, String contentSha256, @Nullable List<Document> documents,
			@Nullable Boolean qualified, @Nullable Integer score, @Nullable String evaluationNote) {
	}

	/** A document of an opened bid; its content only in the single-bid view. */
	record Document(String name, String mediaType, int size, @Nullable String content) {
	}

	/** The public bid-opening record of a tender. */
	record OpeningRecord(UUID tenderId, String ocid, Instant openedAt, List<OpenedEntry> bids) {
	}

	/** One bid read out at the opening. */
	record OpenedEntry(UUID bidId, UUID supplierId, String supplierName, String supplierNameAr, BigDecimal amount,
			String currency, Instant submittedAt) {
	}

	/** The receipt-signing public key. */
	record PublicKey(String algorithm, String format, String publicKey, String signedMessage) {
	}

}
