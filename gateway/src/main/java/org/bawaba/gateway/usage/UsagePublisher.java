package org.bawaba.gateway.usage;

import org.bawaba.contracts.gateway.UsageRecordedV1;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Sends usage records to Kafka without ever making a request wait. A request only puts its
 * record in a bounded buffer ({@link #offer}); one background thread hands the buffer to the
 * Kafka producer in batches every {@code flush-interval}, and the producer batches them again on
 * the wire. A record Kafka did not take (broker down, timeout) goes back into the buffer and is
 * sent again on a later flush, so a Kafka outage shorter than the buffer lasts loses nothing.
 * Only when the buffer is full are new records dropped, and counted ({@link #dropped}).
 * <p>
 * Each record is one CloudEvent 1.0 in binary mode ({@code ce_*} headers, JSON data), keyed by
 * service, with a fresh id: a consumer that sees an id twice (a retried send) counts it once.
 */
final class UsagePublisher implements SmartLifecycle, AutoCloseable {

	private static final Log logger = LogFactory.getLog(UsagePublisher.class);

	private final Producer<String, CloudEvent> producer;

	private final UsageProperties properties;

	private final JsonMapper json;

	private final BlockingQueue<Pending> buffer;

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong sent = new AtomicLong();

	private ScheduledExecutorService flusher;

	private volatile boolean kafkaFailing;

	UsagePublisher(Producer<String, CloudEvent> producer, UsageProperties properties, JsonMapper json) {
		this.producer = producer;
		this.properties = properties;
		this.json = json;
		this.buffer = new ArrayBlockingQueue<>(properties.bufferCapacity());
	}

	/** Keeps a record for the next flush; never blocks. */
	void offer(UsageRecordedV1 record) {
		Pending pending = new Pending(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), record);
		if (!this.buffer.offer(pending)) {
			this.dropped.incrementAndGet();
		}
	}

	/** Records dropped because the buffer was full. */
	long dropped() {
		return this.dropped.get();
	}

	/** Records Kafka acknowledged. */
	long sent() {
		return this.sent.get();
	}

	/** Records waiting for a flush. */
	int waiting() {
		return this.buffer.size();
	}

	/**
	 * Hands up to one batch of waiting records to the producer. Runs on the publisher's own thread,
	 * never on a request's. When Kafka refuses a record (the producer fails it at once, e.g. no
	 * metadata within {@code max.block.ms} while the broker is down), the rest of the batch goes
	 * back into the buffer instead of waiting {@code max.block.ms} once per record.
	 */
	void flush() {
		List<Pending> batch = new ArrayList<>(Math.min(this.properties.batchSize(), this.buffer.size()));
		this.buffer.drainTo(batch, this.properties.batchSize());
		AtomicBoolean refused = new AtomicBoolean();
		for (int i = 0; i < batch.size(); i++) {
			Pending pending = batch.get(i);
			try {
				this.producer.send(record(pending), (metadata, failure) -> {
					if (failure == null) {
						this.sent.incrementAndGet();
						this.kafkaFailing = false;
					}
					else {
						refused.set(true);
						failed(failure);
						requeue(pending);
					}
				});
			}
			catch (RuntimeException ex) {
				failed(ex);
				batch.subList(i, batch.size()).forEach(this::requeue);
				return;
			}
			if (refused.get()) {
				batch.subList(i + 1, batch.size()).forEach(this::requeue);
				return;
			}
		}
	}

	private ProducerRecord<String, CloudEvent> record(Pending pending) {
		UsageRecordedV1 record = pending.record();
		CloudEvent event = CloudEventBuilder.v1()
			.withId(pending.id())
			.withSource(URI.create(UsageEvents.SOURCE))
			.withType(UsageEvents.TYPE)
			.withTime(pending.time())
			.withDataContentType("application/json")
			.withDataSchema(URI.create(UsageEvents.DATA_SCHEMA))
			.withData(this.json.writeValueAsBytes(record))
			.build();
		String key = record.entityId();
		return new ProducerRecord<>(this.properties.topic(), key, event);
	}

	private void requeue(Pending pending) {
		if (!this.buffer.offer(pending)) {
			this.dropped.incrementAndGet();
		}
	}

	private void failed(Throwable failure) {
		if (!this.kafkaFailing) {
			this.kafkaFailing = true;
			logger.warn("Usage records are not reaching Kafka; they are kept (" + this.buffer.size()
					+ " waiting) and sent again: " + failure);
		}
	}

	@Override
	public void start() {
		this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "usage-publisher");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.flushInterval().toMillis();
		this.flusher.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			logger.warn("Flushing usage records failed; they are sent again later", ex);
		}
	}

	/**
	 * Stops the flushes after handing over what is waiting (unless Kafka is failing). The producer
	 * stays open: a stopped context may be started again ({@link #start}).
	 */
	@Override
	public void stop() {
		if (this.flusher != null) {
			this.flusher.shutdown();
			try {
				this.flusher.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.flusher = null;
		}
		while (!this.buffer.isEmpty() && !this.kafkaFailing) {
			flush();
		}
	}

	/** Gives Kafka a few seconds to take what was handed over, then closes the producer. */
	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
		if (!this.buffer.isEmpty()) {
			logger.warn(this.buffer.size() + " usage records could not be sent before shutdown");
		}
	}

	@Override
	public boolean isRunning() {
		return this.flusher != null;
	}

	/** A record with the CloudEvent id and time it keeps through retries. */
	private record Pending(String id, OffsetDateTime time, UsageRecordedV1 record) {
	}

}
