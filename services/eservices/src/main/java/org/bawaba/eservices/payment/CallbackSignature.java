package org.bawaba.eservices.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/** {@code X-Payment-Signature: sha256=<hex HMAC-SHA256 of the raw body with the shared secret>}. */
final class CallbackSignature {

	static final String HEADER = "X-Payment-Signature";

	private CallbackSignature() {
	}

	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean verify(String secret, byte[] body, @Nullable String signature) {
		return signature != null && MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
				signature.trim().getBytes(StandardCharsets.US_ASCII));
	}

}
