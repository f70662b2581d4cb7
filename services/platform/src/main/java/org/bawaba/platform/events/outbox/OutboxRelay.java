package org.bawaba.platform.events.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bawaba.platform.events.EventsProperties;
import org.bawaba.platform.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows to Kafka as CloudEvents 1.0 in binary mode, oldest first. One relay per database at a
 * time ({@code pg_try_advisory_xact_lock}); a row is deleted in the same transaction once the broker has
 * acknowledged it; the first failed send ends the batch, so nothing overtakes an unsent event and order
 * per key holds. Delivery is at least once (a crash between ack and commit resends): consumers dedupe.
 */
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** Advisory lock key: "bawaba" + 1. */
	static final long LOCK_KEY = 0x62617761626101L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ProducerFactory<String, byte[]> producers;

	private final KafkaTemplate<String, byte[]> kafka;

	private final EventsProperties.Outbox properties;

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, ProducerFactory<String, byte[]> producers,
			EventsProperties.Outbox properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.producers = producers;
		this.kafka = new KafkaTemplate<>(producers);
		this.properties = properties;
	}

	/** Asks for a run soon, e.g. after a commit that wrote events. */
	void wakeUp() {
		ScheduledExecutorService current = executor;
		if (current != null && wakeUpPending.compareAndSet(false, true)) {
			current.execute(this::drainQuietly);
		}
	}

	private void drainQuietly() {
		wakeUpPending.set(false);
		try {
			drain();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay run failed; will retry: {}", ex.toString());
		}
	}

	/** Sends batches until the outbox is empty, a send fails, or another instance holds the lock. */
	void drain() {
		Boolean more;
		do {
			more = transactions.execute(status -> sendBatch());
		}
		while (Boolean.TRUE.equals(more));
	}

	private boolean sendBatch() {
		Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
		if (!Boolean.TRUE.equals(locked)) {
			return false;
		}
		List<OutboxRow> rows = jdbc.sql("""
				select id, event_id, topic, event_key, event_type, source, subject, occurred_at, payload,
				  correlation_id, traceparent
				from bawaba_outbox order by id limit ?""")
			.param(properties.batchSize())
			.query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getObject("event_id", UUID.class),
					rs.getString("topic"), rs.getString("event_key"), rs.getString("event_type"),
					rs.getString("source"), rs.getString("subject"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getBytes("payload"),
					rs.getString("correlation_id"), rs.getString("traceparent")))
			.list();
		for (OutboxRow row : rows) {
			try {
				kafka.send(toRecord(row)).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				String error = ex.getCause() != null ? ex.getCause().toString() : ex.toString();
				log.warn("Kafka did not take event {} ({}); the relay retries from it: {}", row.eventId(),
						row.eventType(), error);
				jdbc.sql("update bawaba_outbox set attempts = attempts + 1, last_error = ? where id = ?")
					.params(error, row.id())
					.update();
				producers.reset();
				return false;
			}
			jdbc.sql("delete from bawaba_outbox where id = ?").param(row.id()).update();
		}
		return rows.size() == properties.batchSize();
	}

	static ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
		CloudEvent event = CloudEventBuilder.v1()
			.withId(row.eventId().toString())
			.withSource(URI.create(row.source()))
			.withType(row.eventType())
			.withSubject(row.subject())
			.withTime(row.occurredAt().atOffset(ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withData(row.payload())
			.build();
		ProducerRecord<String, byte[]> record = KafkaMessageFactory
			.createWriter(row.topic(), null, row.occurredAt().toEpochMilli(), row.key())
			.writeBinary(event);
		if (row.correlationId() != null) {
			record.headers().add(CorrelationId.HEADER, row.correlationId().getBytes(StandardCharsets.UTF_8));
		}
		if (row.traceparent() != null) {
			record.headers().add("traceparent", row.traceparent().getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "bawaba-outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		executor = started;
		long interval = properties.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::drainQuietly, 0, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = executor;
		executor = null;
		if (current != null) {
			current.shutdown();
			try {
				current.awaitTermination(properties.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isAutoStartup() {
		return properties.enabled();
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

	record OutboxRow(long id, UUID eventId, String topic, String key, String eventType, String source,
			String subject, java.time.Instant occurredAt, byte[] payload, String correlationId, String traceparent) {
	}

}
