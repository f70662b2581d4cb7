package org.bawaba.platform.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.steps.StepCompletedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestEvents;
import org.bawaba.platform.test.TestKafka;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An {@link InboxListener} of a per-agency topic reads every agency's topic of that kind, also one that
 * appears after it started, and refuses an event that names another agency than its topic's.
 */
@SpringBootTest(classes = AgencyTopicsIT.App.class,
		properties = { "spring.application.name=agency-topics-test", "bawaba.events.inbox.topic-discovery=1s" })
@DirtiesContext
class AgencyTopicsIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_platform_agency_topics_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
	}

	@Autowired
	Results results;

	@Test
	void eachAgencysResultsAreReadFromItsOwnTopicIncludingAnAgencyOnboardedLater() {
		StepCompletedV1 moph = completed("moph");
		send("bawaba.agency.moph.steps", moph);
		// a topic that did not exist when the consumer started: an agency onboarded since
		String newcomer = "new" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		StepCompletedV1 later = completed(newcomer);
		send(Topics.ofAgency(Topics.AGENCY_STEPS, newcomer), later);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(results.received)
			.extracting(StepCompletedV1::applicationId).contains(moph.applicationId(), later.applicationId()));
	}

	@Test
	void aResultInAnotherAgencysNameIsParkedAndNoHandlerSeesIt() {
		// moi's service may write only moi's topic; what it writes there in moph's name is not moph's answer
		StepCompletedV1 forged = completed("moph");
		CloudEvent event = send("bawaba.agency.moi.steps", forged);
		StepCompletedV1 honest = completed("moi");
		send("bawaba.agency.moi.steps", honest);

		List<ConsumerRecord<String, byte[]>> dead = TestKafka.read(KAFKA, "bawaba.agency.steps.dlt",
				read -> read.stream().anyMatch(record -> event.getId().equals(header(record, "ce_id"))),
				Duration.ofSeconds(60));
		ConsumerRecord<String, byte[]> parked = dead.stream()
			.filter(record -> event.getId().equals(header(record, "ce_id"))).findFirst().orElseThrow();
		assertThat(header(parked, "kafka_dlt-exception-message")).contains("names the agency moph");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(results.received)
			.extracting(StepCompletedV1::applicationId).contains(honest.applicationId()));
		assertThat(results.received).extracting(StepCompletedV1::applicationId)
			.doesNotContain(forged.applicationId());
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_processed_event where event_id = '"
				+ event.getId() + "'")).isZero();
	}

	private static StepCompletedV1 completed(String agency) {
		return new StepCompletedV1(UUID.randomUUID(), "a-step", agency, "REF-1", Instant.now());
	}

	private static CloudEvent send(String topic, StepCompletedV1 result) {
		return TestEvents.send(KAFKA, topic, "/bawaba/test", StepCompletedV1.TYPE, result.entityId(),
				JSON.writeValueAsBytes(result));
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	static class Results {

		final List<StepCompletedV1> received = new CopyOnWriteArrayList<>();

		@InboxListener(topic = Topics.AGENCY_STEPS)
		void on(StepCompletedV1 result) {
			received.add(result);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Results.class)
	static class App {

	}

}
