package org.bawaba.procurement.bid;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.procurement.sealing.ReceiptSigner;

/**
 * A signed receipt of a bid: the service's Ed25519 signature over
 * {@code bawaba-bid-receipt-v1|<tenderId>|<bidId>|<submittedAt>|<contentSha256>} ({@link ReceiptSigner#message}).
 * Verify it with the public key of {@code GET /receipts/public-key}.
 *
 * @param contentSha256 SHA-256 (hex) of the canonical bid content
 * @param signature base64 of the Ed25519 signature
 */
public record Receipt(String format, String algorithm, UUID tenderId, UUID bidId, Instant submittedAt,
		String contentSha256, String signature) {

	static Receipt of(UUID tenderId, UUID bidId, Instant submittedAt, String contentSha256, byte[] signature) {
		return new Receipt(ReceiptSigner.FORMAT, "Ed25519", tenderId, bidId, submittedAt, contentSha256,
				java.util.Base64.getEncoder().encodeToString(signature));
	}

}
