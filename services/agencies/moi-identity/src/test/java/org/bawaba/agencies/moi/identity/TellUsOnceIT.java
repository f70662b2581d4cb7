package org.bawaba.agencies.moi.identity;

// --- tellonce ---
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.ChangeConfirmedV1;
import org.bawaba.contracts.eservices.ChangeReportedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestHttpServer;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ministry's side of tell us once: a change addressed to it is read from eservices (a loopback
 * stand-in here; the real one in {@code deploy/e2e}'s {@code TellUsOnceIT}) with its own client, recorded
 * for the holder, and confirmed; a person without a credential of the ministry is answered FAILED.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TellUsOnceIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_moi_identity_tuo_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Map<String, String> CHANGES = new ConcurrentHashMap<>();

	static final TestHttpServer ESERVICES = TestHttpServer.create()
		.answer("/token", exchange -> new TestHttpServer.Answer(200, "application/json",
				"{\"access_token\":\"moi-service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}"))
		.answer("/changes/", exchange -> {
			String change = "Bearer moi-service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))
					? CHANGES.get(exchange.getRequestURI().getPath().substring("/changes/".length())) : null;
			return change == null ? new TestHttpServer.Answer(404, "application/problem+json", "{}")
					: new TestHttpServer.Answer(200, "application/json", change);
		})
		.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", TestTokens::issuer);
		registry.add("spring.security.oauth2.client.provider.bawaba.token-uri", () -> ESERVICES.baseUrl() + "/token");
		registry.add("spring.cloud.discovery.client.simple.instances.eservices[0].uri", ESERVICES::baseUrl);
		// only the stand-in: never a real eservices from a suite that happens to run on this machine
		registry.add("eureka.client.enabled", () -> "false");
	}

	@AfterAll
	static void stop() {
		ESERVICES.stop();
	}

	@Test
	void theHoldersNewAddressIsRecordedAndConfirmedAndAStrangerIsAnsweredFailed() throws Exception {
		String body = """
				{"citizen": "holder-tuo", "type": "ID_CARD", "number": "ID9988776",
				 "issuedOn": "2025-02-01", "expiresOn": "2030-01-31"}""";
		HttpResponse<String> issued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/credentials"))
			.header("Content-Type", "application/json")
			.header("Authorization", TestTokens.staff("moi-staff", "moi"))
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);

		String moved = UUID.randomUUID().toString();
		CHANGES.put(moved, """
				{"id":"%s","citizenSubject":"holder-tuo","kind":"ADDRESS","address":{"line1":"Street 950","city":"Al Rayyan"}}"""
			.formatted(moved));
		String stranger = UUID.randomUUID().toString();
		report(moved, "holder-tuo");
		report(stranger, "not-a-holder");

		assertThat(confirmation(moved).get("outcome").asString()).isEqualTo("UPDATED");
		assertThat(TestDatabase.count(DATABASE,
				"select count(*) from holder_contact where citizen = 'holder-tuo' and city = 'Al Rayyan'")).isEqualTo(1);
		JsonNode failed = confirmation(stranger);
		assertThat(failed.get("outcome").asString()).isEqualTo("FAILED");
		assertThat(failed.get("agency").asString()).isEqualTo("moi");
		assertThat(failed.get("reason").get("ar").asString()).isNotBlank();
	}

	static void report(String changeId, String citizen) {
		String data = """
				{"changeId":"%s","citizenSubject":"%s","kind":"ADDRESS","agencies":["moi","ewa"],"attempt":1,
				 "reportedAt":"2026-11-20T10:00:00Z"}""".formatted(changeId, citizen);
		CloudEvent event = CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(URI.create("/bawaba/eservices"))
			.withType(ChangeReportedV1.TYPE)
			.withSubject(changeId)
			.withTime(OffsetDateTime.now())
			.withDataContentType("application/json")
			.withData(data.getBytes(StandardCharsets.UTF_8))
			.build();
		TestKafka.send(KAFKA, KafkaMessageFactory.createWriter(Topics.ESERVICES_CHANGES, changeId).writeBinary(event));
	}

	static JsonNode confirmation(String changeId) {
		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_CHANGES, "moi"), changeId, found -> !found.isEmpty());
		assertThat(events).as("confirmation of " + changeId).hasSize(1);
		assertThat(events.get(0).getType()).isEqualTo(ChangeConfirmedV1.TYPE);
		return JSON.readTree(events.get(0).getData().toBytes());
	}

}
// --- end tellonce ---
