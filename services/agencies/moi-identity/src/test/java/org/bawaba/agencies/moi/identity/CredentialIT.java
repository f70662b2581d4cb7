package org.bawaba.agencies.moi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.CredentialIssuedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample agency service with its own database and broker, as a ministry's team would test it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CredentialIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_moi_identity_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", TestTokens::issuer);
	}

	@Test
	void theMinistryIssuesACredentialItsHolderSeesAndThePlatformHearsOf() {
		String body = """
				{"citizen": "holder-1", "type": "RESIDENCE_PERMIT", "number": "RP1234567",
				 "issuedOn": "2025-01-10", "expiresOn": "2027-01-09"}""";
		HttpResponse<String> issued = send("POST", "/credentials", body, TestTokens.staff("moi-staff", "moi"));
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String id = json(issued).get("id").asString();

		JsonNode mine = json(send("GET", "/credentials", null, TestTokens.citizen("holder-1")));
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("expiresOn").asString()).isEqualTo("2027-01-09");
		assertThat(json(send("GET", "/credentials", null, TestTokens.citizen("someone-else")))).isEmpty();
		assertThat(send("GET", "/credentials/" + id, null, TestTokens.citizen("someone-else")).statusCode())
			.isEqualTo(404);

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.AGENCY_CREDENTIALS, id, found -> !found.isEmpty());
		assertThat(events).hasSize(1);
		assertThat(events.get(0).getType()).isEqualTo(CredentialIssuedV1.TYPE);
		JsonNode data = JSON.readTree(events.get(0).getData().toBytes());
		assertThat(data.get("citizen").asString()).isEqualTo("holder-1");
		assertThat(data.get("expiresOn").asString()).isEqualTo("2027-01-09");
		assertThat(data.has("number")).as("the document number stays with the ministry").isFalse();
	}

	@Test
	void theMinistrysOwnSystemMayIssueButNoOtherAgencyNorACitizen() {
		String body = """
				{"citizen": "holder-2", "type": "ID_CARD", "number": "ID7654321",
				 "issuedOn": "2025-02-01", "expiresOn": "2030-01-31"}""";
		String otherAgency = "Bearer " + TestTokens.token("mme-client", "mme", null, "en", "agency-service");
		assertThat(send("POST", "/credentials", body, otherAgency).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/credentials", body, TestTokens.citizen("holder-2")).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/credentials", body, null).statusCode()).isEqualTo(401);
		String ownSystem = "Bearer " + TestTokens.token("moi-identity-client", "moi", null, "en", "agency-service");
		assertThat(send("POST", "/credentials", body, ownSystem).statusCode()).isEqualTo(201);
		assertThat(send("POST", "/credentials", body, ownSystem).statusCode()).as("number taken").isEqualTo(409);
	}

	@Test
	void badInputIsAProblemAndStoresNothing() {
		String staff = TestTokens.staff("moi-staff", "moi");
		long before = TestDatabase.count(DATABASE, "select count(*) from credential");
		for (String body : List.of("{not json", """
				{"citizen": "h", "type": "PASSPORT", "number": "AB123456", "issuedOn": "2025-01-01", "expiresOn": "2026-01-01"}""",
				"""
				{"citizen": "h", "type": "ID_CARD", "number": "ab", "issuedOn": "2025-01-01", "expiresOn": "2026-01-01"}""",
				"""
				{"citizen": "h", "type": "ID_CARD", "number": "AB123456", "issuedOn": "2025-01-01", "expiresOn": "2024-01-01"}""")) {
			HttpResponse<String> refused = send("POST", "/credentials", body, staff);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		}
		assertThat(TestDatabase.count(DATABASE, "select count(*) from credential")).isEqualTo(before);
	}

	private HttpResponse<String> send(String method, String path, String json, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
