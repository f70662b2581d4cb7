package org.bawaba.notifications.webhook;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.cloudevents.CloudEvent;
import org.bawaba.notifications.NotificationsProperties;
import org.bawaba.notifications.support.PerTransaction;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each consumed event of a subscribable type (for deliveries and replays) and queues one delivery
 * per subscription to its type, in the event's inbox transaction.
 */
@Component
public class WebhookQueue {

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	private final Set<String> types;

	private final PerTransaction<Kept> pending = new PerTransaction<>(this::write);

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
		pending.add(new Kept(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
				event.getTime() == null ? null : event.getTime().toInstant().toString(), event.getDataContentType(),
				HEX.formatHex(data)));
	}

	/** An event to keep, written with the others of its transaction just before it commits. */
	private record Kept(String id, String type, String source, @Nullable String subject, @Nullable String time,
			@Nullable String dataContentType, String hexData) {
	}

	/** One statement: the events kept (each once), and a delivery per subscription to each one's type. */
	private void write(List<Kept> events) {
		jdbc.sql("""
				with stored as (
				  insert into event_log (event_id, type, source, subject, time, data_content_type, data)
				  select id, type, source, subject, time::timestamptz, data_content_type, decode(hex_data, 'hex')
				  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    as kept (id, type, source, subject, time, data_content_type, hex_data)
				  on conflict (event_id) do nothing
				  returning event_id, type)
				insert into webhook_delivery (subscription_id, event_id, status, next_attempt_at)
				select subscription.id, stored.event_id, 'PENDING', now() from stored
				join webhook_subscription subscription on stored.type = any(subscription.types)
				where subscription.status in ('ACTIVE', 'PAUSED')""")
			.params(column(events, Kept::id), column(events, Kept::type), column(events, Kept::source),
					column(events, Kept::subject), column(events, Kept::time), column(events, Kept::dataContentType),
					column(events, Kept::hexData))
			.update();
	}

	private static String[] column(List<Kept> events, Function<Kept, @Nullable String> value) {
		return events.stream().map(value).toArray(String[]::new);
	}

}
