package org.bawaba.procurement.bid;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical content of a bid, what is sealed and hashed: compact JSON, keys in alphabetical order,
 * {@code {"amount":"<plain decimal>","currency":"QAR","documents":[{"content":"<base64>","mediaType":"…",
 * "name":"…"}],"salt":"<base64 of 16 random bytes>"}}. The salt makes the hash, which stays in clear,
 * impossible to match against guessed prices.
 */
record BidContent(BigDecimal amount, String currency, List<Requests.Document> documents, String salt) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static BidContent of(Requests.BidContent request) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return new BidContent(request.amount(), request.currency(),
				request.documents() == null ? List.of() : request.documents(), Base64.getEncoder().encodeToString(salt));
	}

	byte[] canonical(JsonMapper json) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("amount", amount.stripTrailingZeros().toPlainString());
		content.put("currency", currency);
		content.put("documents", documents.stream().map(document -> {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("content", document.content());
			fields.put("mediaType", document.mediaType());
			fields.put("name", document.name());
			return fields;
		}).toList());
		content.put("salt", salt);
		return json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
	}

	static BidContent parse(JsonMapper json, byte[] canonical) {
		JsonNode node = json.readTree(canonical);
		List<Requests.Document> documents = node.get("documents").valueStream()
			.map(document -> new Requests.Document(document.get("name").asString(),
					document.get("mediaType").asString(), document.get("content").asString()))
			.toList();
		return new BidContent(new BigDecimal(node.get("amount").asString()), node.get("currency").asString(),
				documents, node.get("salt").asString());
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
