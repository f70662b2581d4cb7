package org.bawaba.agencies.ewa.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.ChangeConfirmedV1;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The utility's accounts and its side of tell us once, with its own database and broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // closed after this class: CatchUpIT runs the service itself, on the same broker
class AccountIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_ewa_accounts_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final Eservices ESERVICES = new Eservices();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final String OWN_SYSTEM = "Bearer "
			+ TestTokens.token("service-account-ewa-accounts", "ewa", null, "en", "agency-service");

	static final String ADDRESS = """
			{"line1": "Villa 7, Street 820", "city": "Al Wakrah", "postalCode": "90"}""";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", TestTokens::issuer);
		registry.add("spring.security.oauth2.client.provider.bawaba.token-uri", () -> ESERVICES.server.baseUrl() + "/token");
		registry.add("spring.cloud.discovery.client.simple.instances.eservices[0].uri", ESERVICES.server::baseUrl);
		// only the stand-in: never a real eservices from a suite that happens to run on this machine
		registry.add("eureka.client.enabled", () -> "false");
	}

	@AfterAll
	static void stop() {
		ESERVICES.server.stop();
	}

	@Test
	void theAuthorityOpensAnAccountItsHolderSeesAndNobodyElse() {
		HttpResponse<String> opened = send("POST", "/accounts", account("holder-1", "ELECTRICITY"),
				TestTokens.staff("ewa-staff", "ewa"));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		JsonNode account = json(opened);
		assertThat(account.get("number").asString()).matches("EWA\\d{10}");
		assertThat(send("POST", "/accounts", account("holder-1", "WATER"), OWN_SYSTEM).statusCode()).isEqualTo(201);

		JsonNode mine = json(send("GET", "/accounts", null, TestTokens.citizen("holder-1")));
		assertThat(mine).hasSize(2);
		assertThat(mine.get(0).get("address").get("city").asString()).isEqualTo("Al Wakrah");
		assertThat(json(send("GET", "/accounts", null, TestTokens.citizen("someone-else")))).isEmpty();
		String id = account.get("id").asString();
		assertThat(send("GET", "/accounts/" + id, null, TestTokens.citizen("someone-else")).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/accounts/" + id, null, OWN_SYSTEM).statusCode()).isEqualTo(200);

		String otherAgency = "Bearer " + TestTokens.token("service-account-moi-identity", "moi", null, "en", "agency-service");
		assertThat(send("POST", "/accounts", account("holder-1", "WATER"), otherAgency).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/accounts", account("holder-1", "WATER"), TestTokens.citizen("holder-1")).statusCode())
			.isEqualTo(403);
		assertThat(send("POST", "/accounts", account("holder-1", "WATER"), null).statusCode()).isEqualTo(401);
	}

	@Test
	void badInputIsAProblemAndStoresNothing() {
		String staff = TestTokens.staff("ewa-staff", "ewa");
		long before = TestDatabase.count(DATABASE, "select count(*) from account");
		for (String body : List.of("{not json", "{\"citizen\": \"h\", \"type\": \"GAS\", \"address\": " + ADDRESS + "}",
				"{\"citizen\": \"h\", \"type\": \"WATER\"}",
				"{\"citizen\": \"h\", \"type\": \"WATER\", \"address\": {\"line1\": \"x\"}}",
				"{\"citizen\": \"\", \"type\": \"WATER\", \"address\": " + ADDRESS + "}")) {
			HttpResponse<String> refused = send("POST", "/accounts", body, staff);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		}
		assertThat(send("GET", "/accounts/" + UUID.randomUUID(), null, staff).statusCode()).isEqualTo(404);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from account")).isEqualTo(before);
	}

	@Test
	void aChangeOfAddressReachesTheAccountsAndIsConfirmed() {
		send("POST", "/accounts", account("mover-1", "ELECTRICITY"), OWN_SYSTEM);
		send("POST", "/accounts", account("mover-1", "WATER"), OWN_SYSTEM);
		String moved = ESERVICES.addressChange("mover-1", "Tower 3, Lusail Boulevard", "Lusail");
		String noAccount = ESERVICES.addressChange("no-account-1", "Street 1", "Doha");
		String notOurs = ESERVICES.addressChange("mover-1", "Somewhere else", "Dukhan");
		Eservices.report(KAFKA, notOurs, "mover-1", "ADDRESS", List.of("moi"));
		Eservices.report(KAFKA, moved, "mover-1", "ADDRESS", List.of("moi", "ewa"));
		Eservices.report(KAFKA, noAccount, "no-account-1", "ADDRESS", List.of("moi", "ewa"));

		JsonNode confirmation = confirmation(moved);
		assertThat(confirmation.get("agency").asString()).isEqualTo("ewa");
		assertThat(confirmation.get("outcome").asString()).isEqualTo("UPDATED");
		JsonNode accounts = json(send("GET", "/accounts", null, TestTokens.citizen("mover-1")));
		assertThat(accounts).hasSize(2)
			.allSatisfy(account -> assertThat(account.get("address").get("city").asString()).isEqualTo("Lusail"));

		JsonNode failed = confirmation(noAccount);
		assertThat(failed.get("outcome").asString()).isEqualTo("FAILED");
		assertThat(failed.get("reason").get("en").asString()).contains("No electricity or water account");
		assertThat(failed.get("reason").get("ar").asString()).contains("لا يوجد حساب");

		// read as the service itself: its client id and secret at the token endpoint, its token at eservices
		assertThat(ESERVICES.tokenAuthorizations).first().isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString("ewa-accounts:test-client-secret".getBytes(StandardCharsets.UTF_8)));
		assertThat(ESERVICES.changeAuthorizations).isNotEmpty().allMatch("Bearer ewa-service-token"::equals);
		// a change addressed to another agency only is neither read nor answered
		assertThat(TestKafka.read(KAFKA, Topics.ofAgency(Topics.AGENCY_CHANGES, "ewa"), read -> false, Duration.ofSeconds(3)).stream()
			.filter(record -> notOurs.equals(record.key()))).isEmpty();
		assertThat(json(send("GET", "/accounts", null, TestTokens.citizen("mover-1"))).get(0).get("address").get("city")
			.asString()).isEqualTo("Lusail");
	}

	static String account(String citizen, String type) {
		return "{\"citizen\": \"" + citizen + "\", \"type\": \"" + type + "\", \"address\": " + ADDRESS + "}";
	}

	static JsonNode confirmation(String changeId) {
		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ofAgency(Topics.AGENCY_CHANGES, "ewa"), changeId, found -> !found.isEmpty());
		assertThat(events).as("confirmation of " + changeId).hasSize(1);
		assertThat(events.get(0).getType()).isEqualTo(ChangeConfirmedV1.TYPE);
		return JSON.readTree(events.get(0).getData().toBytes());
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
