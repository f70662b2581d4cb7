package org.bawaba.agencies.moph.births;

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

/** The ministry's step of the newborn service, and the parent's certificates. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BirthCertificateIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_moph_births_test");

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
	void aRequestedCertificateIsIssuedOnceReportedAndShownToTheParentOnly() {
		UUID application = UUID.randomUUID();
		CloudEvent request = request(application, "birth-certificate", "moph", "parent-a");
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, request);
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, request);

		List<CloudEvent> results = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, "moph"), application.toString(),
				found -> !found.isEmpty());
		assertThat(results).singleElement().extracting(CloudEvent::getType).isEqualTo(StepCompletedV1.TYPE);
		JsonNode data = JSON.readTree(results.get(0).getData().toBytes());
		assertThat(data.get("agency").asString()).isEqualTo("moph");
		assertThat(data.get("step").asString()).isEqualTo("birth-certificate");
		String reference = data.get("reference").asString();
		assertThat(reference).matches("MOPH-BC-\\d{4}-\\d{6}");

		JsonNode mine = JSON.readTree(get("/birth-certificates", TestTokens.citizen("parent-a")).body());
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("reference").asString()).isEqualTo(reference);
		assertThat(mine.get(0).get("applicationId").asString()).isEqualTo(application.toString());
		String id = mine.get(0).get("id").asString();
		assertThat(get("/birth-certificates/" + id, TestTokens.citizen("parent-a")).statusCode()).isEqualTo(200);
		HttpResponse<String> other = get("/birth-certificates/" + id, TestTokens.citizen("someone-else"));
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(get("/birth-certificates/" + id, TestTokens.staff("moph-staff", "moph")).statusCode())
			.isEqualTo(200);
		assertThat(get("/birth-certificates/not-a-uuid", TestTokens.citizen("parent-a")).statusCode()).isEqualTo(400);
		assertThat(get("/birth-certificates", null).statusCode()).isEqualTo(401);
	}

	@Test
	void anotherAgencysStepIsNotThisServicesBusiness() {
		UUID application = UUID.randomUUID();
		CloudEvent others = request(application, "national-number", "moi", "parent-b");
		TestEvents.send(KAFKA, Topics.ESERVICES_STEPS, others);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (TestDatabase.count(DATABASE, "select count(*) from bawaba_processed_event where event_id = '"
				+ others.getId() + "'") == 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_processed_event where event_id = '"
				+ others.getId() + "'")).as("read").isEqualTo(1);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from birth_certificate where application_id = '"
				+ application + "'")).isZero();
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox where event_key = '"
				+ application + "'")).isZero();
	}

	static CloudEvent request(UUID application, String step, String agency, String parent) {
		StepRequestedV1 request = new StepRequestedV1(application, "moph-birth-certificate", step, agency, parent,
				Instant.now(), Instant.now().plus(Duration.ofDays(2)));
		return TestEvents.event("/bawaba/eservices", StepRequestedV1.TYPE, application.toString(),
				JSON.writeValueAsBytes(request));
	}

	private HttpResponse<String> get(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
