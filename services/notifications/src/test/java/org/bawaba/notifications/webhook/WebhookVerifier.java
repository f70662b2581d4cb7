package org.bawaba.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver does (the README's snippet), written independently of the service's signer: checks
 * the signature over {@code id.timestamp.body}, rejects timestamps older than the tolerance (replays of
 * captured deliveries) and remembers ids (duplicates).
 */
final class WebhookVerifier {

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final byte[] key;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	WebhookVerifier(String secret) {
		this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
	}

	enum Verdict {
		VALID, BAD_SIGNATURE, STALE, DUPLICATE
	}

	Verdict verify(String id, String timestamp, String signatures, byte[] body, Instant now) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		byte[] expected = mac.doFinal(body);
		boolean match = false;
		for (String signature : signatures.split(" ")) {
			if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
					Base64.getDecoder().decode(signature.substring(3)))) {
				match = true;
			}
		}
		if (!match) {
			return Verdict.BAD_SIGNATURE;
		}
		Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
			return Verdict.STALE;
		}
		return seen.add(id) ? Verdict.VALID : Verdict.DUPLICATE;
	}

}
