package org.bawaba.procurement.tender;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.procurement.web.Text;
import org.jspecify.annotations.Nullable;

/**
 * A tender as the public (and its agency) sees it.
 *
 * @param version 0 while a draft, 1 as first published, one more per published amendment
 * @param award the award, once there is one
 * @param contract the contract, once signed
 */
public record Tender(UUID id, String ocid, String agency, TenderStatus status, int version, Text title,
		Text description, String category, Value estimatedValue, List<DocumentRef> documents,
		List<Criterion> criteria, Instant clarificationDeadline, Instant submissionDeadline, Instant openingTime,
		@Nullable Instant publishedAt, @Nullable Instant openedAt, @Nullable Instant cancelledAt,
		@Nullable String cancelReason, @Nullable Instant dateModified, @Nullable AwardSummary award,
		@Nullable ContractSummary contract) {

	/** An amount and its ISO 4217 currency. */
	public record Value(BigDecimal amount, String currency) {
	}

	/** A tender document, published at a URL. */
	public record DocumentRef(Text title, String url, @Nullable String format) {
	}

	/** An evaluation criterion and its weight in percent. */
	public record Criterion(Text name, int weight) {
	}

	/** The award of a tender. */
	public record AwardSummary(UUID id, UUID bidId, UUID supplierId, String supplierName, Value value,
			Text justification, Instant awardedAt, Instant standstillEndsAt) {
	}

	/** The contract of a tender. */
	public record ContractSummary(UUID id, UUID awardId, UUID supplierId, Value value, Instant signedAt) {
	}

	public boolean isDraft() {
		return status == TenderStatus.DRAFT;
	}

}
