package org.bawaba.platform.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.eservices.ApplicationSubmittedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.web.CorrelationId;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against the machine's PostgreSQL and an embedded KRaft broker. */
@SpringBootTest(classes = OutboxIT.App.class, properties = "spring.application.name=outbox-test")
@DirtiesContext
class OutboxIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_platform_outbox_test");

	static final String KAFKA = TestKafka.bootstrap();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
	}

	@Autowired
	EventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	@Test
	void anEventPublishedInARolledBackTransactionIsNeverSent() {
		UUID rolledBack = UUID.randomUUID();
		UUID committed = UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			events.publish(submitted(rolledBack));
			status.setRollbackOnly();
		});
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox")).isZero();
		transactions.executeWithoutResult(status -> events.publish(submitted(committed)));

		List<ConsumerRecord<String, byte[]>> records = TestKafka.read(KAFKA, Topics.ESERVICES_APPLICATIONS,
				read -> read.stream().anyMatch(r -> committed.toString().equals(r.key())), Duration.ofSeconds(30));
		assertThat(records).extracting(ConsumerRecord::key).contains(committed.toString())
			.doesNotContain(rolledBack.toString());
	}

	@Test
	void theRecordIsABinaryCloudEventWithTheRightAttributes() {
		UUID applicationId = UUID.randomUUID();
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		MDC.put(CorrelationId.MDC_KEY, "corr-42");
		UUID eventId;
		try {
			eventId = transactions.execute(status -> events.publish(submitted(applicationId)));
		}
		finally {
			MDC.remove(CorrelationId.MDC_KEY);
		}

		ConsumerRecord<String, byte[]> record = TestKafka
			.read(KAFKA, Topics.ESERVICES_APPLICATIONS,
					read -> read.stream().anyMatch(r -> applicationId.toString().equals(r.key())),
					Duration.ofSeconds(30))
			.stream()
			.filter(r -> applicationId.toString().equals(r.key()))
			.findFirst()
			.orElseThrow();
		assertThat(record.headers().lastHeader("ce_specversion")).as("binary mode").isNotNull();
		CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
		assertThat(event.getId()).isEqualTo(eventId.toString());
		assertThat(event.getSource()).isEqualTo(URI.create("/bawaba/outbox-test"));
		assertThat(event.getType()).isEqualTo("org.bawaba.eservices.application.submitted.v1");
		assertThat(event.getSubject()).isEqualTo(applicationId.toString());
		assertThat(event.getTime()).isNotNull();
		assertThat(event.getTime().toInstant()).isBetween(before, Instant.now());
		assertThat(event.getDataContentType()).isEqualTo("application/json");
		ApplicationSubmittedV1 data = json.readValue(event.getData().toBytes(), ApplicationSubmittedV1.class);
		assertThat(data).isEqualTo(submitted(applicationId));
		assertThat(new String(record.headers().lastHeader(CorrelationId.HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("corr-42");
	}

	@Test
	void publishingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> events.publish(submitted(UUID.randomUUID())))
			.isInstanceOf(IllegalStateException.class);
	}

	static ApplicationSubmittedV1 submitted(UUID id) {
		return new ApplicationSubmittedV1(id, "birth-certificate", "moh", "f3b1-citizen",
				Instant.parse("2026-03-01T10:00:00Z"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
