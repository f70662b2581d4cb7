package org.bawaba.procurement.bid;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A bid as stored: what is in clear before the opening (who, when, the hash of the salted content, the
 * receipt's signature) and the sealed content.
 */
record Bid(UUID id, UUID tenderId, UUID supplierId, String status, Instant submittedAt,
		@Nullable String contentSha256, byte @Nullable [] ephemeralKey, byte @Nullable [] nonce,
		byte @Nullable [] ciphertext, byte @Nullable [] signature, @Nullable BigDecimal openedAmount,
		@Nullable String openedCurrency, @Nullable Boolean qualified, @Nullable Integer score,
		@Nullable String evaluationNote) {

	static final String ACTIVE = "ACTIVE";

	static final String WITHDRAWN = "WITHDRAWN";

	static Bid map(ResultSet rs, int row) throws SQLException {
		return new Bid(rs.getObject("id", UUID.class), rs.getObject("tender_id", UUID.class),
				rs.getObject("supplier_id", UUID.class), rs.getString("status"),
				rs.getTimestamp("submitted_at").toInstant(), rs.getString("content_sha256"),
				rs.getBytes("ephemeral_key"), rs.getBytes("nonce"), rs.getBytes("ciphertext"), rs.getBytes("signature"),
				rs.getBigDecimal("opened_amount"), rs.getString("opened_currency"),
				(Boolean) rs.getObject("qualified"), (Integer) rs.getObject("score"), rs.getString("evaluation_note"));
	}

	/** The associated data of the sealed content: it opens only as this tender's, this bid's, this supplier's. */
	String associatedData() {
		return associatedData(tenderId, id, supplierId);
	}

	static String associatedData(UUID tenderId, UUID bidId, UUID supplierId) {
		return "bid|" + tenderId + "|" + bidId + "|" + supplierId;
	}

	boolean active() {
		return ACTIVE.equals(status);
	}

	Receipt receipt() {
		return Receipt.of(tenderId, id, submittedAt, contentSha256, signature);
	}

}
