package org.bawaba.notifications.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.bawaba.notifications.NotificationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued webhook deliveries: claims due ones ({@code FOR UPDATE SKIP LOCKED}, so several
 * instances share the work), posts each event as a structured-mode CloudEvent
 * ({@code application/cloudevents+json}) signed the Standard Webhooks way, and records the outcome:
 * 2xx delivered; otherwise retried with exponential back-off, the subscription paused after
 * {@code pause-after} consecutive failures.
 */
@Component
public class WebhookWorker {

	private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final NotificationsProperties.Webhooks properties;

	private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

	private final HttpClient http;

	WebhookWorker(JdbcClient jdbc, TransactionTemplate transactions, NotificationsProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties.webhooks();
		this.http = HttpClient.newBuilder().connectTimeout(this.properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private record Due(long id, UUID subscriptionId, String eventId, int attempts) {
	}

	private record Target(String url, String secret) {
	}

	/** Works one batch of due deliveries; returns how many were attempted. */
	public int runOnce() {
		List<Due> due = transactions.execute(status -> jdbc.sql("""
				update webhook_delivery d set attempts = d.attempts + 1,
				  next_attempt_at = now() + make_interval(secs => ?)
				where d.id in (
				  select w.id from webhook_delivery w join webhook_subscription s on s.id = w.subscription_id
				  where w.status = 'PENDING' and w.next_attempt_at <= now() and s.status = 'ACTIVE'
				  order by w.next_attempt_at, w.id limit 20 for update of w skip locked)
				returning d.id, d.subscription_id, d.event_id, d.attempts""")
			.param(Math.max(60, properties.timeout().toSeconds() * 4))
			.query((row, index) -> new Due(row.getLong("id"), row.getObject("subscription_id", UUID.class),
					row.getString("event_id"), row.getInt("attempts")))
			.list());
		for (Due delivery : due) {
			deliver(delivery);
		}
		return due.size();
	}

	private void deliver(Due delivery) {
		Optional<Target> target = jdbc.sql("select url, secret, status from webhook_subscription where id = ?")
			.param(delivery.subscriptionId())
			.query((row, index) -> new Target(row.getString("url"), row.getString("secret")))
			.optional();
		Optional<CloudEvent> event = event(delivery.eventId());
		if (target.isEmpty() || event.isEmpty()) {
			finish(delivery, "FAILED", null, "event no longer kept");
			return;
		}
		byte[] body = format.serialize(event.get());
		long timestamp = Instant.now().getEpochSecond();
		Integer statusCode = null;
		String error;
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(target.get().url()))
				.timeout(properties.timeout())
				.header("Content-Type", JsonFormat.CONTENT_TYPE)
				.header("webhook-id", delivery.eventId())
				.header("webhook-timestamp", String.valueOf(timestamp))
				.header("webhook-signature",
						WebhookSignature.sign(target.get().secret(), delivery.eventId(), timestamp, body))
				.header("User-Agent", "Bawaba-Webhooks/1")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.discarding());
			statusCode = response.statusCode();
			if (statusCode / 100 == 2) {
				succeeded(delivery, statusCode);
				return;
			}
			error = "HTTP " + statusCode;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception ex) {
			error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		failed(delivery, statusCode, error);
	}

	private Optional<CloudEvent> event(String eventId) {
		return jdbc.sql("select * from event_log where event_id = ?").param(eventId).query((row, index) -> {
			CloudEventBuilder builder = CloudEventBuilder.v1()
				.withId(row.getString("event_id"))
				.withType(row.getString("type"))
				.withSource(URI.create(row.getString("source")));
			if (row.getString("subject") != null) {
				builder.withSubject(row.getString("subject"));
			}
			if (row.getTimestamp("time") != null) {
				builder.withTime(row.getTimestamp("time").toInstant().atOffset(ZoneOffset.UTC));
			}
			byte[] data = row.getBytes("data");
			if (data != null && data.length > 0) {
				String type = row.getString("data_content_type");
				builder.withData(type == null ? "application/json" : type, data);
			}
			return builder.build();
		}).optional();
	}

	private void succeeded(Due delivery, int statusCode) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					update webhook_delivery set status = 'DELIVERED', last_status_code = ?, last_error = null,
					  delivered_at = now(), next_attempt_at = null where id = ?""")
				.params(statusCode, delivery.id()).update();
			jdbc.sql("update webhook_subscription set consecutive_failures = 0 where id = ?")
				.param(delivery.subscriptionId()).update();
		});
	}

	private void failed(Due delivery, Integer statusCode, String error) {
		transactions.executeWithoutResult(status -> {
			int failures = jdbc.sql("""
					update webhook_subscription set consecutive_failures = consecutive_failures + 1 where id = ?
					returning consecutive_failures""")
				.param(delivery.subscriptionId()).query(Integer.class).optional().orElse(0);
			if (failures >= properties.pauseAfter()) {
				int paused = jdbc.sql("""
						update webhook_subscription set status = 'PAUSED', paused_at = now()
						where id = ? and status = 'ACTIVE'""").param(delivery.subscriptionId()).update();
				if (paused > 0) {
					log.warn("Webhook subscription {} paused after {} consecutive failures ({})",
							delivery.subscriptionId(), failures, error);
				}
			}
			boolean last = delivery.attempts() >= properties.retry().attempts();
			jdbc.sql("""
					update webhook_delivery set status = ?, last_status_code = ?, last_error = ?,
					  next_attempt_at = case when ? then null else now() + make_interval(secs => ?) end
					where id = ?""")
				.params(last ? "FAILED" : "PENDING", statusCode, truncate(error), last,
						properties.retry().backoff(delivery.attempts()).toMillis() / 1000.0, delivery.id())
				.update();
		});
	}

	private void finish(Due delivery, String status, Integer statusCode, String error) {
		jdbc.sql("update webhook_delivery set status = ?, last_status_code = ?, last_error = ?, next_attempt_at = null"
				+ " where id = ?").params(status, statusCode, error, delivery.id()).update();
	}

	/** Forgets events (and finished deliveries) older than the retention. */
	public void expire() {
		double seconds = properties.retention().toSeconds();
		jdbc.sql("delete from webhook_delivery where status <> 'PENDING' and created_at < now() - make_interval(secs => ?)")
			.param(seconds).update();
		jdbc.sql("delete from event_log where received_at < now() - make_interval(secs => ?)").param(seconds).update();
	}

	private static String truncate(String error) {
		return error.length() > 500 ? error.substring(0, 500) : error;
	}

}
