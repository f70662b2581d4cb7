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

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_CREDENTIALS, "moi"), id, found -> !found.isEmpty());
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

	// --- renew ---
	@Test
	void anApprovedRenewalIsAnsweredOnceWithANewCredentialThatReplacesTheOld() {
		String staff = TestTokens.staff("moi-staff", "moi");
		HttpResponse<String> issued = send("POST", "/credentials", """
				{"citizen": "holder-r", "type": "ID_CARD", "number": "ID9990001",
				 "issuedOn": "2021-12-01", "expiresOn": "2026-12-31"}""", staff);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String old = json(issued).get("id").asString();
		long before = TestDatabase.count(DATABASE, "select count(*) from credential");

		// not this ministry's, not this holder's: ignored
		String otherAgency = approve(old, "mme", "holder-r", "ID_CARD");
		String otherHolder = approve(old, "moi", "holder-x", "ID_CARD");
		awaitProcessed(otherAgency);
		awaitProcessed(otherHolder);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from credential")).isEqualTo(before);

		String first = approve(old, "moi", "holder-r", "ID_CARD");
		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_CREDENTIALS, "moi"), null,
				found -> found.stream().anyMatch(e -> replaces(e, old)));
		CloudEvent renewal = events.stream().filter(e -> replaces(e, old)).findFirst().orElseThrow();
		JsonNode data = JSON.readTree(renewal.getData().toBytes());
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Qatar"));
		assertThat(data.get("citizen").asString()).isEqualTo("holder-r");
		assertThat(data.get("type").asString()).isEqualTo("ID_CARD");
		assertThat(data.get("issuedOn").asString()).isEqualTo(today.toString());
		assertThat(data.get("expiresOn").asString()).isEqualTo(today.plusYears(5).toString());
		assertThat(data.has("number")).isFalse();
		String renewed = data.get("credentialId").asString();
		assertThat(renewal.getSubject()).isEqualTo(renewed);

		JsonNode mine = json(send("GET", "/credentials", null, TestTokens.citizen("holder-r")));
		assertThat(mine).hasSize(2);
		JsonNode fresh = mine.valueStream().filter(c -> c.get("id").asString().equals(renewed)).findFirst().orElseThrow();
		assertThat(fresh.get("replaces").asString()).isEqualTo(old);
		assertThat(fresh.get("number").asString()).matches("ID[0-9]{8}").isNotEqualTo("ID9990001");

		// approved again (another event): still one renewal, no second announcement
		awaitProcessed(first);
		awaitProcessed(approve(old, "moi", "holder-r", "ID_CARD"));
		assertThat(json(send("GET", "/credentials", null, TestTokens.citizen("holder-r")))).hasSize(2);
		assertThat(TestKafka.read(KAFKA, Topics.ofAgency(Topics.AGENCY_CREDENTIALS, "moi"), found -> false, java.time.Duration.ofSeconds(8))
			.stream()
			.map(record -> io.cloudevents.kafka.KafkaMessageFactory.createReader(record).toEvent())
			.filter(e -> replaces(e, old))).hasSize(1);
	}

	/** Publishes the platform's renewal-approved event for {@code credential}; returns the event id. */
	private static String approve(String credential, String agency, String citizen, String type) {
		String id = java.util.UUID.randomUUID().toString();
		String data = JSON.writeValueAsString(new org.bawaba.contracts.eservices.CredentialRenewalApprovedV1(
				java.util.UUID.fromString(credential), agency, citizen,
				org.bawaba.contracts.agency.CredentialType.valueOf(type), java.util.UUID.randomUUID(),
				java.time.Instant.now()));
		CloudEvent event = io.cloudevents.core.builder.CloudEventBuilder.v1()
			.withId(id)
			.withSource(URI.create("/bawaba/eservices"))
			.withType(org.bawaba.contracts.eservices.CredentialRenewalApprovedV1.TYPE)
			.withSubject(credential)
			.withTime(java.time.OffsetDateTime.now())
			.withDataContentType("application/json")
			.withData(data.getBytes(StandardCharsets.UTF_8))
			.build();
		TestKafka.send(KAFKA, io.cloudevents.kafka.KafkaMessageFactory
			.createWriter(Topics.ESERVICES_CREDENTIALS, credential).writeBinary(event));
		return id;
	}

	/** Waits (60 s at most) until the inbox recorded the event as processed, i.e. its handler committed. */
	private static void awaitProcessed(String eventId) {
		String sql = "select count(*) from bawaba_processed_event where event_id = '" + eventId + "'";
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
		while (TestDatabase.count(DATABASE, sql) == 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		assertThat(TestDatabase.count(DATABASE, sql)).as("event " + eventId + " processed").isEqualTo(1);
	}

	private static boolean replaces(CloudEvent event, String old) {
		JsonNode replaces = JSON.readTree(event.getData().toBytes()).path("replaces");
		return replaces.isString() && old.equals(replaces.asString());
	}
	// --- end renew ---

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
