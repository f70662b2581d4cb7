package org.bawaba.agencies.moi.identity;

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

/** The ministry's step of the newborn service: the child's national number, asked for by an event. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NationalNumberStepIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_moi_identity_steps_test");

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
	void theChildsNationalNumberIsRegisteredAndOnlyItsReferenceIsReported() throws Exception {
		UUID application = UUID.randomUUID();
		StepRequestedV1 request = new StepRequestedV1(application, "moph-birth-certificate", "national-number", "moi",
				"parent-sub", Instant.now(), Instant.now().plus(Duration.ofDays(3)));
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, "/bawaba/eservices", StepRequestedV1.TYPE,
				application.toString(), JSON.writeValueAsBytes(request));

		List<CloudEvent> results = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "moi"), application.toString(),
				found -> !found.isEmpty());
		assertThat(results).singleElement().extracting(CloudEvent::getType).isEqualTo(StepCompletedV1.TYPE);
		JsonNode data = JSON.readTree(results.get(0).getData().toBytes());
		assertThat(data.get("agency").asString()).isEqualTo("moi");
		String reference = data.get("reference").asString();
		assertThat(reference).startsWith("MOI-NN-");

		HttpResponse<String> mine = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/national-numbers"))
			.header("Authorization", TestTokens.citizen("parent-sub"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(mine.statusCode()).isEqualTo(200);
		JsonNode numbers = JSON.readTree(mine.body());
		assertThat(numbers).hasSize(1);
		assertThat(numbers.get(0).get("reference").asString()).isEqualTo(reference);
		String number = numbers.get(0).get("number").asString();
		assertThat(number).matches("3\\d{10}");
		assertThat(new String(results.get(0).getData().toBytes())).as("the number stays with the ministry")
			.doesNotContain(number);
		HttpResponse<String> others = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/national-numbers"))
			.header("Authorization", TestTokens.citizen("someone-else"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(JSON.readTree(others.body())).isEmpty();
	}

}
