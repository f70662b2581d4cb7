package org.bawaba.platform.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Embedded KRaft brokers (real brokers, in the test JVM) and ways to read and write their topics. */
public final class TestKafka {

	private static EmbeddedKafkaKraftBroker shared;

	private TestKafka() {
	}

	/** One broker shared by the test classes of this JVM (3 partitions per auto-created topic). */
	public static synchronized String bootstrap() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy));
		}
		return shared.getBrokersAsString();
	}

	/** A broker of its own, on a free port; the caller destroys it. */
	public static EmbeddedKafkaKraftBroker start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.afterPropertiesSet();
		return broker;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Reads {@code topic} from the beginning until {@code done} holds for what was read, or the timeout passed. */
	public static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic,
			Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!done.test(records) && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	/** The CloudEvents on {@code topic} with key {@code key} (any key when null), read until {@code done} holds or 30 s passed. */
	public static List<CloudEvent> events(String bootstrap, String topic, String key, Predicate<List<CloudEvent>> done) {
		List<CloudEvent> events = new ArrayList<>();
		read(bootstrap, topic, records -> {
			events.clear();
			for (ConsumerRecord<String, byte[]> record : records) {
				if (key == null || key.equals(record.key())) {
					events.add(KafkaMessageFactory.createReader(record).toEvent());
				}
			}
			return done.test(events);
		}, Duration.ofSeconds(30));
		return events;
	}

	/** Publishes raw bytes (a poison message, or an event another service would send) and waits for the broker. */
	public static void send(String bootstrap, ProducerRecord<String, byte[]> record) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Publishes records in one produce request (one record batch per partition), so that a consumer reads
	 * those of a partition in the same poll; waits for the broker.
	 */
	public static void sendTogether(String bootstrap, List<ProducerRecord<String, byte[]>> records) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.LINGER_MS_CONFIG, 60_000, ProducerConfig.BATCH_SIZE_CONFIG, 1_048_576);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			List<Future<?>> sent = new ArrayList<>();
			records.forEach(record -> sent.add(producer.send(record)));
			producer.flush();
			for (Future<?> future : sent) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
