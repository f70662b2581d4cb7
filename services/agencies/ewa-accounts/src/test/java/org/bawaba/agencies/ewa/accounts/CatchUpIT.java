package org.bawaba.agencies.ewa.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bawaba.contracts.Topics;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nothing is lost while the agency's service is down: it runs, stops, tell-us-once requests are sent
 * while it is down, and when it starts again it handles every one of them (its consumer group's offsets
 * in Kafka say where it stopped; its inbox ignores what it had already handled) and confirms each once.
 */
class CatchUpIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_ewa_accounts_catchup_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final Eservices ESERVICES = new Eservices();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final String OWN_SYSTEM = "Bearer "
			+ TestTokens.token("service-account-ewa-accounts", "ewa", null, "en", "agency-service");

	@AfterAll
	static void stop() {
		ESERVICES.server.stop();
	}

	@Test
	void requestsSentWhileTheServiceIsDownAreAllHandledWhenItReturns() throws Exception {
		List<String> citizens = List.of("away-1", "away-2", "away-3", "away-4", "away-5");
		String before;
		try (ConfigurableApplicationContext running = start()) {
			for (String citizen : citizens) {
				assertThat(post(running, "/accounts", AccountIT.account(citizen, "ELECTRICITY")).statusCode()).isEqualTo(201);
			}
			// one request while it runs: its consumer group is at work and has committed offsets
			before = ESERVICES.addressChange("away-1", "Before Street", "Doha");
			Eservices.report(KAFKA, before, "away-1", "ADDRESS", List.of("ewa"));
			assertThat(AccountIT.confirmation(before).get("outcome").asString()).isEqualTo("UPDATED");
		}

		// the service is down: five changes are reported to it
		List<String> whileDown = new ArrayList<>();
		for (String citizen : citizens) {
			String change = ESERVICES.addressChange(citizen, "Catch-up Road " + citizen, "Al Khor");
			Eservices.report(KAFKA, change, citizen, "ADDRESS", List.of("moi", "ewa"));
			whileDown.add(change);
		}

		try (ConfigurableApplicationContext back = start()) {
			for (String change : whileDown) {
				assertThat(AccountIT.confirmation(change).get("outcome").asString()).as(change).isEqualTo("UPDATED");
			}
			for (String citizen : citizens) {
				JsonNode accounts = JSON.readTree(get(back, "/accounts", TestTokens.citizen(citizen)).body());
				assertThat(accounts.get(0).get("address").get("line1").asString()).isEqualTo("Catch-up Road " + citizen);
			}
			// each request handled once: the one from before the stop is not handled again
			List<String> ours = new ArrayList<>(whileDown);
			ours.add(before);
			Map<String, Long> confirmations = TestKafka.read(KAFKA, Topics.ofAgency(Topics.AGENCY_CHANGES, "ewa"),
					read -> read.stream().map(record -> record.key()).collect(Collectors.toSet()).containsAll(ours),
					java.time.Duration.ofSeconds(30))
				.stream()
				.filter(record -> ours.contains(record.key()))
				.collect(Collectors.groupingBy(record -> record.key(), Collectors.counting()));
			assertThat(confirmations).hasSize(6).allSatisfy((change, count) -> assertThat(count).as(change).isEqualTo(1));
		}
	}

	private static ConfigurableApplicationContext start() {
		// command-line arguments: above the service's application.yml and the platform's defaults
		return new SpringApplicationBuilder(EwaAccountsApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + DATABASE, "--spring.kafka.bootstrap-servers=" + KAFKA,
				"--bawaba.security.issuer-uri=" + TestTokens.issuer(),
				"--spring.security.oauth2.client.provider.bawaba.token-uri=" + ESERVICES.server.baseUrl() + "/token",
				"--spring.cloud.discovery.client.simple.instances.eservices[0].uri=" + ESERVICES.server.baseUrl(),
				"--eureka.client.enabled=false",
				// its own consumer group: the broker is shared with this JVM's other test classes
				"--spring.kafka.consumer.group-id=ewa-accounts-catchup");
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext app, String path, String json) {
		return send(app, HttpRequest.newBuilder(uri(app, path)).header("Content-Type", "application/json")
			.header("Authorization", OWN_SYSTEM).POST(HttpRequest.BodyPublishers.ofString(json)).build());
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext app, String path, String bearer) {
		return send(app, HttpRequest.newBuilder(uri(app, path)).header("Authorization", bearer).GET().build());
	}

	private static URI uri(ConfigurableApplicationContext app, String path) {
		return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path);
	}

	private static HttpResponse<String> send(ConfigurableApplicationContext app, HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
