package org.bawaba.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bawaba.notifications.NotificationsProperties;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A person's own delivery statuses, and the SMS provider's delivery receipts. */
@RestController
class DeliveryController {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final NotificationsProperties.Sms sms;

	DeliveryController(JdbcClient jdbc, JsonMapper json, NotificationsProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.sms = properties.sms();
	}

	record DeliveryView(long id, UUID noticeId, String channel, String status, int attempts,
			@Nullable String providerReference, @Nullable String lastError, @Nullable Instant nextAttemptAt,
			Instant updatedAt) {
	}

	/** The caller's latest e-mail and SMS deliveries. */
	@GetMapping("/me/deliveries")
	List<DeliveryView> mine(Caller caller) {
		return jdbc.sql("select * from delivery where recipient = ? order by id desc limit 100")
			.param(caller.subject())
			.query((row, index) -> {
				Timestamp next = row.getTimestamp("next_attempt_at");
				return new DeliveryView(row.getLong("id"), row.getObject("notice_id", UUID.class),
						row.getString("channel"), row.getString("status"), row.getInt("attempts"),
						row.getString("provider_ref"), row.getString("last_error"),
						next == null ? null : next.toInstant(), row.getTimestamp("updated_at").toInstant());
			})
			.list();
	}

	/**
	 * A delivery receipt from the SMS provider: {@code {"id": "<its reference>", "status":
	 * "DELIVERED"|"FAILED", "error"?}}, signed {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>}.
	 */
	@PostMapping("/sms/receipts")
	ResponseEntity<Map<String, Object>> receipt(@RequestBody byte[] body,
			@RequestHeader(name = "X-Signature", required = false) @Nullable String signature) {
		if (sms.receiptSecret() == null || signature == null || !verify(body, signature)) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "receipt-signature-invalid");
		}
		JsonNode receipt = json.readTree(body);
		String id = receipt.path("id").asString("");
		String status = receipt.path("status").asString("").toUpperCase(java.util.Locale.ROOT);
		if (id.isBlank() || !(status.equals("DELIVERED") || status.equals("FAILED"))) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "receipt-invalid");
		}
		int updated = jdbc.sql("""
				update delivery set status = ?, last_error = ?, updated_at = now()
				where channel = 'SMS' and provider_ref = ? and status in ('SENT', 'DELIVERED', 'FAILED')""")
			.params(status, status.equals("FAILED") ? receipt.path("error").asString("failed") : null, id)
			.update();
		if (updated == 0) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "receipt-unknown", id);
		}
		return ResponseEntity.ok(Map.of("id", id, "status", status));
	}

	private boolean verify(byte[] body, String signature) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(sms.receiptSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
			return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
					signature.trim().getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			return false;
		}
	}

}
