package org.bawaba.agencies.msd.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.steps.StepCompletedV1;
import org.bawaba.contracts.steps.StepFailedV1;
import org.bawaba.contracts.steps.StepRequestedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestEvents;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ministry's step of the newborn service: granted once per family and interval, else refused with a reason. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "msd.family.allowance-interval=P270D")
class ChildAllowanceIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_msd_family_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", TestTokens::issuer);
	}

	@Test
	void theAllowanceIsGrantedOnceAndASecondWithinTheIntervalIsRefusedWithItsReason() throws Exception {
		UUID first = UUID.randomUUID();
		CloudEvent firstRequest = request(first, "family-a");
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, firstRequest);
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, firstRequest);
		List<CloudEvent> granted = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "msd"), first.toString(),
				found -> !found.isEmpty());
		assertThat(granted).singleElement().extracting(CloudEvent::getType).isEqualTo(StepCompletedV1.TYPE);
		String reference = JSON.readTree(granted.get(0).getData().toBytes()).get("reference").asString();
		assertThat(reference).matches("MSD-CA-\\d{4}-\\d{6}");

		UUID second = UUID.randomUUID();
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, request(second, "family-a"));
		List<CloudEvent> refused = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "msd"), second.toString(),
				found -> !found.isEmpty());
		assertThat(refused).singleElement().extracting(CloudEvent::getType).isEqualTo(StepFailedV1.TYPE);
		JsonNode reason = JSON.readTree(refused.get(0).getData().toBytes());
		assertThat(reason.get("agency").asString()).isEqualTo("msd");
		assertThat(reason.get("reasonEn").asString()).contains("short time ago");
		assertThat(reason.get("reasonAr").asString()).contains("علاوة طفل");

		// another family is not affected
		UUID other = UUID.randomUUID();
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, request(other, "family-b"));
		assertThat(TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "msd"), other.toString(), found -> !found.isEmpty()))
			.singleElement().extracting(CloudEvent::getType).isEqualTo(StepCompletedV1.TYPE);

		HttpResponse<String> mine = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/child-allowances"))
			.header("Authorization", TestTokens.citizen("family-a"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(mine.statusCode()).isEqualTo(200);
		JsonNode allowances = JSON.readTree(mine.body());
		assertThat(allowances).hasSize(1);
		assertThat(allowances.get(0).get("reference").asString()).isEqualTo(reference);
		assertThat(allowances.get(0).get("monthlyAmount").decimalValue()).isEqualByComparingTo("300");
	}

	static CloudEvent request(UUID application, String parent) {
		StepRequestedV1 request = new StepRequestedV1(application, "moph-birth-certificate", "child-allowance", "msd",
				parent, Instant.now(), Instant.now().plus(Duration.ofDays(5)));
		return TestEvents.event("/bawaba/eservices", StepRequestedV1.TYPE, application.toString(),
				JSON.writeValueAsBytes(request));
	}

}
