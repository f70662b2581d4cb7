package org.bawaba.platform.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.eservices.ApplicationStatus;
import org.bawaba.contracts.eservices.ApplicationStatusChangedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kafka down: the relay's broker address has nothing listening (a stopped broker); publishing still
 * succeeds at once, events wait in the outbox. Then a broker is started and the relay's producer pointed
 * at it (spring-kafka-test's embedded KRaft broker cannot be bound to a chosen port, so "the broker comes
 * back" is a configuration switch): every event arrives, in order per key.
 */
@SpringBootTest(classes = OutboxIT.App.class,
		properties = { "spring.application.name=outbox-down-test", "bawaba.events.outbox.send-timeout=2s" })
@DirtiesContext
class OutboxBrokerDownIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_platform_outbox_down_test");

	static final int PORT = TestKafka.freePort();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PORT);
	}

	@Autowired
	EventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	@Autowired
	DefaultKafkaProducerFactory<String, byte[]> producers;

	@Test
	void eventsWaitWhileTheBrokerIsDownAndArriveInOrderPerKeyAfterwards() {
		List<UUID> applications = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		ApplicationStatus[] steps = ApplicationStatus.values();
		for (int step = 1; step < steps.length; step++) {
			for (UUID application : applications) {
				Instant start = Instant.now();
				ApplicationStatusChangedV1 event = new ApplicationStatusChangedV1(application, "citizen-sub", "moh",
						steps[step - 1], steps[step], "step " + step, Instant.now());
				transactions.executeWithoutResult(status -> events.publish(event));
				assertThat(Duration.between(start, Instant.now())).as("publishing does not wait for Kafka")
					.isLessThan(Duration.ofSeconds(1));
			}
		}
		int expected = applications.size() * (steps.length - 1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TestDatabase.count(DATABASE, "select coalesce(max(attempts), 0) from bawaba_outbox") > 0);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox")).as("nothing lost")
			.isEqualTo(expected);

		EmbeddedKafkaKraftBroker broker = TestKafka.start();
		try {
			producers.updateConfigs(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
			producers.reset();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox") == 0);
			Set<String> keys = Set.of(applications.get(0).toString(), applications.get(1).toString(),
					applications.get(2).toString());
			List<ConsumerRecord<String, byte[]>> records = TestKafka.read(broker.getBrokersAsString(),
					Topics.ESERVICES_APPLICATIONS,
					read -> read.stream().filter(r -> keys.contains(r.key())).count() >= expected,
					Duration.ofSeconds(30));
			Map<String, List<ApplicationStatus>> perKey = new LinkedHashMap<>();
			for (ConsumerRecord<String, byte[]> record : records) {
				ApplicationStatusChangedV1 event = json.readValue(record.value(), ApplicationStatusChangedV1.class);
				perKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.to());
			}
			List<ApplicationStatus> inOrder = List.of(steps).subList(1, steps.length);
			assertThat(perKey).hasSize(3);
			perKey.values().forEach(received -> assertThat(received).containsExactlyElementsOf(inOrder));
		}
		finally {
			broker.destroy();
		}
	}

}
