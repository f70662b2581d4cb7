package org.bawaba.notifications.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.notifications.support.PgArrays;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Webhook subscriptions and their deliveries. */
@Repository
class SubscriptionStore {

	private final JdbcClient jdbc;

	SubscriptionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One delivery as its subscriber sees it. */
	record DeliveryView(long id, String eventId, String type, String status, int attempts,
			@Nullable Integer lastStatusCode, @Nullable String lastError, boolean replay, Instant createdAt,
			@Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt) {
	}

	Subscription create(String owner, String url, List<String> types, @Nullable String description) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into webhook_subscription (id, owner, url, types, secret, description, status)
				values (?, ?, ?, ?::text[], ?, ?, 'ACTIVE')""")
			.params(id, owner, url, PgArrays.text(types), WebhookSignature.newSecret(), description)
			.update();
		return find(id).orElseThrow();
	}

	Optional<Subscription> find(UUID id) {
		return jdbc.sql("select * from webhook_subscription where id = ?").param(id).query(SubscriptionStore::map)
			.optional();
	}

	Optional<Subscription> owned(UUID id, String owner) {
		return find(id).filter(subscription -> subscription.owner().equals(owner));
	}

	List<Subscription> ownedBy(String owner) {
		return jdbc.sql("select * from webhook_subscription where owner = ? order by created_at").param(owner)
			.query(SubscriptionStore::map).list();
	}

	void delete(UUID id) {
		jdbc.sql("delete from webhook_subscription where id = ?").param(id).update();
	}

	@Transactional
	void resume(UUID id) {
		jdbc.sql("update webhook_subscription set status = 'ACTIVE', consecutive_failures = 0, paused_at = null"
				+ " where id = ?").param(id).update();
		jdbc.sql("update webhook_delivery set next_attempt_at = now() where subscription_id = ? and status = 'PENDING'")
			.param(id).update();
	}

	/** Queues every kept event of the subscription's types since {@code from} again; returns how many. */
	int replay(Subscription subscription, Instant from) {
		return jdbc.sql("""
				insert into webhook_delivery (subscription_id, event_id, status, next_attempt_at, replay)
				select ?, event_id, 'PENDING', now(), true from event_log
				where type = any(?::text[]) and coalesce(time, received_at) >= ?
				order by coalesce(time, received_at), received_at""")
			.params(subscription.id(), PgArrays.text(subscription.types()), Timestamp.from(from))
			.update();
	}

	List<DeliveryView> deliveries(UUID id, @Nullable String status, int limit) {
		return jdbc.sql("""
				select d.*, e.type from webhook_delivery d left join event_log e on e.event_id = d.event_id
				where d.subscription_id = ? and (cast(? as text) is null or d.status = ?)
				order by d.id desc limit ?""")
			.params(id, status, status, limit)
			.query((row, index) -> new DeliveryView(row.getLong("id"), row.getString("event_id"), row.getString("type"),
					row.getString("status"), row.getInt("attempts"), (Integer) row.getObject("last_status_code"),
					row.getString("last_error"), row.getBoolean("replay"), instant(row, "created_at"),
					instant(row, "next_attempt_at"), instant(row, "delivered_at")))
			.list();
	}

	private static Subscription map(ResultSet row, int index) throws SQLException {
		return new Subscription(row.getObject("id", UUID.class), row.getString("owner"), row.getString("url"),
				List.of((String[]) row.getArray("types").getArray()), row.getString("secret"),
				row.getString("description"), row.getString("status"), row.getInt("consecutive_failures"),
				instant(row, "paused_at"), instant(row, "created_at"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
