package org.bawaba.agencies.moph.births;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.steps.StepCompletedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestEvents;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Nothing is lost while the agency's service is down: step requests sent to it while it is stopped wait on
 * the topic and are all handled, once each, when it starts again (its consumer group resumes from its
 * committed offset).
 */
class CatchUpIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_moph_births_catchup_test");

	/** A broker of its own: the module's other test class keeps a service running on the shared one. */
	static final EmbeddedKafkaKraftBroker BROKER = TestKafka.start();

	static final String KAFKA = BROKER.getBrokersAsString();

	@AfterAll
	static void stopBroker() {
		BROKER.destroy();
	}

	@Test
	void requestsSentWhileTheServiceIsDownAreAllHandledWhenItReturns() {
		// running: one request, handled
		UUID first = UUID.randomUUID();
		try (ConfigurableApplicationContext service = start()) {
			TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, BirthCertificateIT.request(first, "birth-certificate",
					"moph", "parent-c"));
			assertThat(TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "moph"), first.toString(), found -> !found.isEmpty()))
				.hasSize(1);
		}

		// down: five requests are sent to it
		List<UUID> whileDown = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			UUID application = UUID.randomUUID();
			whileDown.add(application);
			TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, BirthCertificateIT.request(application, "birth-certificate",
					"moph", "parent-c"));
		}
		assertThat(TestDatabase.count(DATABASE, "select count(*) from birth_certificate")).isEqualTo(1);

		// back: all five are handled, the first is not redone
		try (ConfigurableApplicationContext service = start()) {
			Set<String> keys = new HashSet<>(whileDown.stream().map(UUID::toString).toList());
			List<String> reported = new ArrayList<>();
			TestKafka.read(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "moph"), records -> {
				reported.clear();
				records.stream().filter(r -> keys.contains(r.key())).forEach(r -> reported.add(r.key()));
				return reported.size() >= keys.size();
			}, java.time.Duration.ofSeconds(60));
			assertThat(reported).containsExactlyInAnyOrderElementsOf(keys);
			assertThat(TestDatabase.count(DATABASE, "select count(*) from birth_certificate")).isEqualTo(6);
			List<CloudEvent> firstResults = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "moph"), first.toString(),
					found -> false);
			assertThat(firstResults).hasSize(1).allMatch(e -> e.getType().equals(StepCompletedV1.TYPE));
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(MophBirthsApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + DATABASE, "--spring.kafka.bootstrap-servers=" + KAFKA,
				"--bawaba.security.issuer-uri=" + TestTokens.issuer());
	}

}
