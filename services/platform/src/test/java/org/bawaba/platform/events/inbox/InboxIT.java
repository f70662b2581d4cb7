package org.bawaba.platform.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bawaba.contracts.eservices.ApplicationStatus;
import org.bawaba.contracts.eservices.ApplicationStatusChangedV1;
import org.bawaba.contracts.eservices.ApplicationSubmittedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link InboxListener}: once per event id, retries, dead-letter topic. */
@SpringBootTest(classes = InboxIT.App.class, properties = "spring.application.name=inbox-test")
@DirtiesContext
class InboxIT {

	static final String TOPIC = "bawaba.test.inbox";

	static final String DATABASE = TestDatabase.fresh("bawaba_platform_inbox_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static KafkaProducer<String, byte[]> producer;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
	}

	@BeforeAll
	static void producer() {
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA), new StringSerializer(),
				new ByteArraySerializer());
	}

	@AfterAll
	static void closeProducer() {
		producer.close();
	}

	@Autowired
	Handlers handlers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aDuplicateDeliveryIsProcessedOnce() throws Exception {
		UUID application = UUID.randomUUID();
		CloudEvent event = cloudEvent(submitted(application, "passport"));
		send(event);
		send(event);
		UUID marker = UUID.randomUUID();
		send(cloudEvent(submitted(marker, "marker")));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> handlers.received.stream().anyMatch(e -> e.applicationId().equals(marker)));
		assertThat(handlers.received).filteredOn(e -> e.applicationId().equals(application)).hasSize(1);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_processed_event where event_id = '"
				+ event.getId() + "' and consumer_group = 'inbox-test'")).isEqualTo(1);
	}

	@Test
	void otherEventTypesOnTheTopicGoToTheirOwnHandlers() throws Exception {
		UUID application = UUID.randomUUID();
		send(cloudEvent(new ApplicationStatusChangedV1(application, "citizen-sub", "moh", ApplicationStatus.SUBMITTED,
				ApplicationStatus.IN_REVIEW, null, Instant.now())));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> handlers.envelopes.stream().anyMatch(e -> application.toString().equals(e.getSubject())));
		assertThat(handlers.received).noneMatch(e -> e.applicationId().equals(application));
	}

	@Test
	void aPoisonMessageLandsOnTheDeadLetterTopicWithTheError() throws Exception {
		UUID poisoned = UUID.randomUUID();
		CloudEvent poison = cloudEvent(submitted(poisoned, "poison"));
		send(poison);
		List<ConsumerRecord<String, byte[]>> dead = TestKafka.read(KAFKA, TOPIC + ".dlt",
				read -> read.stream().anyMatch(r -> hasId(r, poison.getId())), Duration.ofSeconds(30));
		ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> hasId(r, poison.getId())).findFirst()
			.orElseThrow();
		assertThat(header(record, "kafka_dlt-exception-message")).contains("cannot process poison");
		assertThat(KafkaMessageFactory.createReader(record).toEvent().getType()).isEqualTo(ApplicationSubmittedV1.TYPE);
		assertThat(handlers.poisonAttempts.get(poisoned)).as("retried, then parked").hasValue(3);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_processed_event where event_id = '"
				+ poison.getId() + "'")).isZero();
	}

	@Test
	void somethingThatIsNotACloudEventGoesStraightToTheDeadLetterTopic() throws Exception {
		String key = UUID.randomUUID().toString();
		producer.send(new ProducerRecord<>(TOPIC, key, "garbage".getBytes(StandardCharsets.UTF_8))).get();
		List<ConsumerRecord<String, byte[]>> dead = TestKafka.read(KAFKA, TOPIC + ".dlt",
				read -> read.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
		ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
		assertThat(header(record, "kafka_dlt-exception-message")).contains("Not a CloudEvent");
	}

	@Test
	void onePollIsOneTransactionThatSkipsDuplicatesWithinItAndAcrossPolls() throws Exception {
		String group = "batch-" + UUID.randomUUID();
		InboxDispatcher dispatcher = dispatcher(group);
		CloudEvent first = cloudEvent(submitted(UUID.randomUUID(), "batch"));
		CloudEvent second = cloudEvent(submitted(UUID.randomUUID(), "batch"));
		dispatcher.onMessage(List.of(record(first, 0), record(first, 1), record(second, 2)));
		CloudEvent third = cloudEvent(submitted(UUID.randomUUID(), "batch"));
		dispatcher.onMessage(List.of(record(first, 3), record(third, 4), record(second, 5)));

		assertThat(handlers.received).filteredOn(e -> e.applicationId().toString().equals(first.getSubject())).hasSize(1);
		assertThat(handlers.received).filteredOn(e -> e.applicationId().toString().equals(second.getSubject())).hasSize(1);
		assertThat(handlers.received).filteredOn(e -> e.applicationId().toString().equals(third.getSubject())).hasSize(1);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_processed_event where consumer_group = '"
				+ group + "'")).isEqualTo(3);
	}

	@Test
	void aFailingRecordInThePollIsReportedAloneAndTheRecordsBeforeItAreCommitted() {
		String group = "batch-" + UUID.randomUUID();
		InboxDispatcher dispatcher = dispatcher(group);
		CloudEvent before = cloudEvent(submitted(UUID.randomUUID(), "batch"));
		CloudEvent poison = cloudEvent(submitted(UUID.randomUUID(), "poison"));
		CloudEvent after = cloudEvent(submitted(UUID.randomUUID(), "batch"));
		ConsumerRecord<String, byte[]> poisonRecord = record(poison, 1);

		assertThatThrownBy(() -> dispatcher.onMessage(List.of(record(before, 0), poisonRecord, record(after, 2))))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, ex -> {
				assertThat(ex.getRecord()).isSameAs(poisonRecord);
				assertThat(ex.getCause()).hasMessageContaining("cannot process poison");
			});
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_processed_event where consumer_group = '"
				+ group + "' and event_id = '" + before.getId() + "'")).as("committed").isEqualTo(1);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_processed_event where consumer_group = '"
				+ group + "' and event_id in ('" + poison.getId() + "', '" + after.getId() + "')"))
			.as("left for the error handler and the next poll").isZero();
	}

	@Test
	void aPoisonRecordInTheMiddleOfAPollGoesToTheDeadLetterTopicAndTheOthersAreHandled() throws Exception {
		UUID before = UUID.randomUUID();
		UUID after = UUID.randomUUID();
		CloudEvent poison = cloudEvent(submitted(UUID.randomUUID(), "poison"));
		String key = UUID.randomUUID().toString();
		TestKafka.sendTogether(KAFKA, List.of(producerRecord(cloudEvent(submitted(before, "batch")), key),
				producerRecord(poison, key), producerRecord(cloudEvent(submitted(after, "batch")), key)));

		TestKafka.read(KAFKA, TOPIC + ".dlt", read -> read.stream().anyMatch(r -> hasId(r, poison.getId())),
				Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> handlers.received.stream().anyMatch(e -> e.applicationId().equals(after)));
		assertThat(handlers.received).anyMatch(e -> e.applicationId().equals(before));
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_processed_event where event_id = '"
				+ poison.getId() + "'")).isZero();
	}

	private InboxDispatcher dispatcher(String group) {
		try {
			return new InboxDispatcher(TOPIC, group,
					List.of(InboxDispatcher.Handler.of(handlers,
							Handlers.class.getDeclaredMethod("onSubmitted", ApplicationSubmittedV1.class))),
					jdbc, new TransactionTemplate(transactionManager), JSON);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The record as a consumer reads it, at {@code offset} of partition 0. */
	private static ConsumerRecord<String, byte[]> record(CloudEvent event, long offset) {
		ProducerRecord<String, byte[]> sent = producerRecord(event, event.getSubject());
		return new ConsumerRecord<>(TOPIC, 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME, -1, -1,
				sent.key(), sent.value(), sent.headers(), Optional.empty());
	}

	private static ProducerRecord<String, byte[]> producerRecord(CloudEvent event, String key) {
		return KafkaMessageFactory.createWriter(TOPIC, null, null, key).writeBinary(event);
	}

	private static boolean hasId(ConsumerRecord<String, byte[]> record, String id) {
		return id.equals(header(record, "ce_id"));
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static ApplicationSubmittedV1 submitted(UUID id, String serviceCode) {
		return new ApplicationSubmittedV1(id, serviceCode, "moh", "citizen-sub", Instant.now());
	}

	private static CloudEvent cloudEvent(Object data) {
		String type = data instanceof ApplicationSubmittedV1 ? ApplicationSubmittedV1.TYPE : ApplicationStatusChangedV1.TYPE;
		String subject = data instanceof ApplicationSubmittedV1 s ? s.entityId() : ((ApplicationStatusChangedV1) data).entityId();
		return CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(URI.create("/bawaba/test"))
			.withType(type)
			.withSubject(subject)
			.withTime(OffsetDateTime.now())
			.withDataContentType("application/json")
			.withData(JSON.writeValueAsBytes(data))
			.build();
	}

	private static void send(CloudEvent event) throws Exception {
		producer.send(producerRecord(event, event.getSubject())).get();
	}

	static class Handlers {

		final List<ApplicationSubmittedV1> received = new CopyOnWriteArrayList<>();

		final List<CloudEvent> envelopes = new CopyOnWriteArrayList<>();

		final Map<UUID, AtomicInteger> poisonAttempts = new ConcurrentHashMap<>();

		@InboxListener(topic = TOPIC)
		void onSubmitted(ApplicationSubmittedV1 event) {
			if ("poison".equals(event.serviceCode())) {
				poisonAttempts.computeIfAbsent(event.applicationId(), id -> new AtomicInteger()).incrementAndGet();
				throw new IllegalStateException("cannot process poison");
			}
			received.add(event);
		}

		@InboxListener(topic = TOPIC)
		void onStatusChanged(ApplicationStatusChangedV1 event, CloudEvent envelope) {
			envelopes.add(envelope);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Handlers.class)
	static class App {

	}

}
