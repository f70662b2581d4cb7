package org.bawaba.platform.events.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.Contracts;
import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.platform.web.CorrelationId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes domain events through the transactional outbox: {@link #publish} writes the event in the
 * caller's transaction; it reaches Kafka only if that transaction commits, and then even if Kafka is
 * down at that moment.
 */
public class EventPublisher {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final String source;

	private final OutboxRelay relay;

	private final TraceContext traceContext;

	private final Clock clock;

	EventPublisher(JdbcClient jdbc, JsonMapper json, String source, OutboxRelay relay, TraceContext traceContext,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.source = source;
		this.relay = relay;
		this.traceContext = traceContext;
		this.clock = clock;
	}

	/**
	 * Writes {@code event} to the outbox in the current transaction. Its record must be an
	 * {@link EventType}-annotated contract; the key and CloudEvents subject are {@link DomainEvent#entityId()}.
	 * An {@code AgencyEvent} goes to its agency's own topic ({@link Contracts#topicOf}).
	 * @return the CloudEvents id
	 * @throws IllegalStateException when called outside a transaction
	 */
	public UUID publish(DomainEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Publish events inside a transaction (@Transactional), so that they "
					+ "are sent if and only if the change commits");
		}
		EventType type = Contracts.typeOf(event.getClass());
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		@Nullable String traceparent = traceContext.traceparent();
		jdbc.sql("""
				insert into bawaba_outbox (event_id, topic, event_key, event_type, source, subject, occurred_at,
				  payload, correlation_id, traceparent)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, Contracts.topicOf(event), event.entityId(), type.value(), source, event.entityId(), Timestamp.from(now),
					json.writeValueAsBytes(event), CorrelationId.current().orElse(null), traceparent)
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				relay.wakeUp();
			}
		});
		return id;
	}

}
