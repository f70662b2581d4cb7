package org.bawaba.notifications.webhook;

import java.sql.Timestamp;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.bawaba.notifications.NotificationsProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each consumed event of a subscribable type (for deliveries and replays) and queues one delivery
 * per subscription to its type, in the event's inbox transaction.
 */
@Component
public class WebhookQueue {

	private final JdbcClient jdbc;

	private final Set<String> types;

	WebhookQueue(JdbcClient jdbc, NotificationsProperties properties) {
		this.jdbc = jdbc;
		this.types = Set.copyOf(properties.webhooks().eventTypes());
	}

	public boolean subscribable(String type) {
		return types.contains(type);
	}

	public void record(CloudEvent event, byte[] data) {
		if (!subscribable(event.getType())) {
			return;
		}
		int stored = jdbc.sql("""
				insert into event_log (event_id, type, source, subject, time, data_content_type, data)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
			.params(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
					event.getTime() == null ? null : Timestamp.from(event.getTime().toInstant()),
					event.getDataContentType(), data)
			.update();
		if (stored > 0) {
			jdbc.sql("""
					insert into webhook_delivery (subscription_id, event_id, status, next_attempt_at)
					select id, ?, 'PENDING', now() from webhook_subscription
					where status in ('ACTIVE', 'PAUSED') and ? = any(types)""")
				.params(event.getId(), event.getType())
				.update();
		}
	}

}
