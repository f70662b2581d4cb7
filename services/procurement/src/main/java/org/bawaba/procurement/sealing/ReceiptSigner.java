package org.bawaba.procurement.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Signs bid receipts with the service's Ed25519 key. The signed message is the UTF-8 text
 * {@code bawaba-bid-receipt-v1|<tenderId>|<bidId>|<submittedAt ISO-8601, milliseconds>|<SHA-256 hex of the
 * canonical bid content>}; anyone holding the public key ({@code GET /receipts/public-key}) can verify it.
 */
@Component
public class ReceiptSigner {

	public static final String FORMAT = "bawaba-bid-receipt-v1";

	private final KeyMaterial material;

	ReceiptSigner(KeyMaterial material) {
		this.material = material;
	}

	public static String message(UUID tenderId, UUID bidId, Instant submittedAt, String contentSha256) {
		return FORMAT + "|" + tenderId + "|" + bidId + "|" + submittedAt + "|" + contentSha256;
	}

	public byte[] sign(UUID tenderId, UUID bidId, Instant submittedAt, String contentSha256) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(material.receiptKey().getPrivate());
			signature.update(message(tenderId, bidId, submittedAt, contentSha256).getBytes(StandardCharsets.UTF_8));
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public key, base64 of its X.509 SubjectPublicKeyInfo encoding. */
	public String publicKey() {
		return Base64.getEncoder().encodeToString(material.receiptKey().getPublic().getEncoded());
	}

}
