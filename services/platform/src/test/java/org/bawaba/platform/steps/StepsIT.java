package org.bawaba.platform.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.steps.StepCompletedV1;
import org.bawaba.contracts.steps.StepFailedV1;
import org.bawaba.contracts.steps.StepRequestedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestEvents;
import org.bawaba.platform.test.TestKafka;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
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
 * The steps facility of an agency's service: its own agency's steps go to its handler once each and the
 * outcome is reported; other agencies' steps are left alone; a step it has no handler for is reported failed.
 */
@SpringBootTest(classes = StepsIT.App.class, properties = { "spring.application.name=steps-test",
		"bawaba.agency=moi" })
@DirtiesContext
class StepsIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_platform_steps_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
	}

	@Autowired
	NationalNumbers handler;

	@Test
	void ownAgencysStepIsDoneOnceAndReportedWithTheReference() {
		UUID application = UUID.randomUUID();
		CloudEvent request = request(application, "national-number", "moi");
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, request);
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, request);

		List<CloudEvent> results = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "moi"), application.toString(),
				found -> !found.isEmpty());
		assertThat(results).hasSize(1);
		assertThat(results.get(0).getType()).isEqualTo(StepCompletedV1.TYPE);
		JsonNode data = JSON.readTree(results.get(0).getData().toBytes());
		assertThat(data.get("agency").asString()).isEqualTo("moi");
		assertThat(data.get("step").asString()).isEqualTo("national-number");
		assertThat(data.get("reference").asString()).isEqualTo("NN-" + application);
		assertThat(handler.handled).filteredOn(r -> r.applicationId().equals(application)).as("once").hasSize(1);
	}

	@Test
	void aRefusalIsReportedWithItsBilingualReason() {
		UUID application = UUID.randomUUID();
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, request(application, "refused-step", "moi"));
		List<CloudEvent> results = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "moi"), application.toString(),
				found -> !found.isEmpty());
		assertThat(results).singleElement().extracting(CloudEvent::getType).isEqualTo(StepFailedV1.TYPE);
		JsonNode data = JSON.readTree(results.get(0).getData().toBytes());
		assertThat(data.get("reasonEn").asString()).isEqualTo("Not today");
		assertThat(data.get("reasonAr").asString()).isEqualTo("ليس اليوم");
	}

	@Test
	void anotherAgencysStepIsLeftAloneAndAnUnknownStepOfOurOwnFails() {
		UUID others = UUID.randomUUID();
		UUID unknown = UUID.randomUUID();
		CloudEvent othersRequest = request(others, "national-number", "moph");
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, othersRequest);
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, request(unknown, "no-such-step", "moi"));

		List<CloudEvent> failed = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "moi"), unknown.toString(),
				found -> !found.isEmpty());
		assertThat(failed).singleElement().extracting(CloudEvent::getType).isEqualTo(StepFailedV1.TYPE);

		// the other agency's request was read (its id is in the inbox) and led to nothing: no handler call,
		// no result in the outbox (written in the same transaction) nor on the topic
		await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(DATABASE,
				"select count(*) from bawaba_processed_event where event_id = '" + othersRequest.getId() + "'") == 1);
		assertThat(handler.handled).noneMatch(r -> r.applicationId().equals(others));
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox where event_key = '" + others + "'"))
			.isZero();
		assertThat(TestKafka.read(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "moi"), read -> false, Duration.ofSeconds(5)))
			.noneMatch(record -> others.toString().equals(record.key()));
	}

	private static CloudEvent request(UUID application, String step, String agency) {
		StepRequestedV1 request = new StepRequestedV1(application, "moph-birth-certificate", step, agency,
				"citizen-sub", Instant.now(), Instant.now().plus(Duration.ofDays(2)));
		return TestEvents.event("/bawaba/eservices", StepRequestedV1.TYPE, application.toString(),
				JSON.writeValueAsBytes(request));
	}

	static class NationalNumbers implements StepHandler {

		final List<StepRequestedV1> handled = new CopyOnWriteArrayList<>();

		@Override
		public Set<String> steps() {
			return Set.of("national-number", "refused-step");
		}

		@Override
		public StepOutcome handle(StepRequestedV1 request) {
			handled.add(request);
			return request.step().equals("refused-step") ? StepOutcome.failed("Not today", "ليس اليوم")
					: StepOutcome.completed("NN-" + request.applicationId());
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(NationalNumbers.class)
	static class App {

	}

}
