package org.bawaba.notifications.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.bawaba.notifications.NotificationsIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookIT extends NotificationsIT {

	private static final String SUBMITTED = "org.bawaba.eservices.application.submitted.v1";

	private static final String COMPLETED = "org.bawaba.eservices.application.completed.v1";

	@Test
	void deliveriesAreSignedCloudEventsAndATamperedOrReplayedOneIsDetected() throws Exception {
		String system = integration();
		String path = "/hooks/" + UUID.randomUUID();
		EXTERNAL.stubFor(WireMock.post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
		JsonNode created = subscribe(system, path, SUBMITTED);
		String secret = created.get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		String id = created.get("subscription").get("id").asString();
		assertThat(created.get("subscription").has("secret")).isFalse();
		assertThat(json(get("/webhooks/" + id, system)).has("secret")).isFalse();

		String application = UUID.randomUUID().toString();
		String eventId = publish(APPLICATIONS, SUBMITTED, application, "{\"applicationId\":\"" + application
				+ "\",\"serviceCode\":\"moi-passport-renewal\",\"agency\":\"moi\",\"citizenSubject\":\"someone\","
				+ "\"submittedAt\":\"2026-11-01T08:00:00Z\"}");
		LoggedRequest request = until(() -> EXTERNAL.findAll(postRequestedFor(urlEqualTo(path))), list -> !list.isEmpty())
			.get(0);
		assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");
		JsonNode event = JSON.readTree(request.getBody());
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("id").asString()).isEqualTo(eventId);
		assertThat(event.get("type").asString()).isEqualTo(SUBMITTED);
		assertThat(event.get("subject").asString()).isEqualTo(application);
		assertThat(event.get("data").get("applicationId").asString()).isEqualTo(application);
		assertThat(request.getHeader("webhook-id")).isEqualTo(eventId);

		WebhookVerifier receiver = new WebhookVerifier(secret);
		String timestamp = request.getHeader("webhook-timestamp");
		String signature = request.getHeader("webhook-signature");
		byte[] body = request.getBody();
		assertThat(receiver.verify(eventId, timestamp, signature, body, Instant.now()))
			.isEqualTo(WebhookVerifier.Verdict.VALID);
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("moi-passport-renewal", "moi-passport-forged")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(receiver.verify(eventId, timestamp, signature, tampered, Instant.now()))
			.isEqualTo(WebhookVerifier.Verdict.BAD_SIGNATURE);
		assertThat(receiver.verify(eventId, String.valueOf(Long.parseLong(timestamp) + 1), signature, body,
				Instant.now())).isEqualTo(WebhookVerifier.Verdict.BAD_SIGNATURE);
		assertThat(receiver.verify(eventId, timestamp, signature, body, Instant.now().plusSeconds(600)))
			.isEqualTo(WebhookVerifier.Verdict.STALE);
		assertThat(receiver.verify(eventId, timestamp, signature, body, Instant.now()))
			.isEqualTo(WebhookVerifier.Verdict.DUPLICATE);
		assertThat(new WebhookVerifier(subscribe(system, path, SUBMITTED).get("secret").asString())
			.verify(eventId, timestamp, signature, body, Instant.now())).isEqualTo(WebhookVerifier.Verdict.BAD_SIGNATURE);

		JsonNode deliveries = until(() -> json(get("/webhooks/" + id + "/deliveries", system)),
				list -> list.size() == 1 && list.get(0).get("status").asString().equals("DELIVERED"));
		assertThat(deliveries.get(0).get("lastStatusCode").asInt()).isEqualTo(204);
	}

	@Test
	void aDeadEndpointIsRetriedWithBackOffThenPausedAndResumed() {
		String system = integration();
		String path = "/hooks/" + UUID.randomUUID();
		EXTERNAL.stubFor(WireMock.post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
		String id = subscribe(system, path, COMPLETED).get("subscription").get("id").asString();
		String application = UUID.randomUUID().toString();
		String eventId = publish(APPLICATIONS, COMPLETED, application, completed(application));

		JsonNode paused = until(() -> json(get("/webhooks/" + id, system)),
				subscription -> subscription.get("status").asString().equals("PAUSED"));
		assertThat(paused.get("status").asString()).isEqualTo("PAUSED");
		assertThat(paused.get("consecutiveFailures").asInt()).isEqualTo(3);
		List<LoggedRequest> attempts = EXTERNAL.findAll(postRequestedFor(urlEqualTo(path)));
		assertThat(attempts).hasSize(3).allSatisfy(r -> assertThat(r.getHeader("webhook-id")).isEqualTo(eventId));
		JsonNode delivery = json(get("/webhooks/" + id + "/deliveries", system)).get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
		assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(503);
		sleep(800);
		assertThat(EXTERNAL.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(3);

		EXTERNAL.stubFor(WireMock.post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
		assertThat(json(post("/webhooks/" + id + "/resume", null, system)).get("status").asString()).isEqualTo("ACTIVE");
		JsonNode delivered = until(() -> json(get("/webhooks/" + id + "/deliveries", system)).get(0),
				d -> d.get("status").asString().equals("DELIVERED"));
		assertThat(delivered.get("attempts").asInt()).isEqualTo(4);
	}

	@Test
	void eventsAreReplayedFromAPointInTime() {
		String system = integration();
		String path = "/hooks/" + UUID.randomUUID();
		EXTERNAL.stubFor(WireMock.post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
		String id = subscribe(system, path, COMPLETED).get("subscription").get("id").asString();
		Instant before = Instant.now().minusSeconds(1);
		String first = UUID.randomUUID().toString(), second = UUID.randomUUID().toString();
		publish(APPLICATIONS, COMPLETED, first, completed(first));
		publish(APPLICATIONS, COMPLETED, second, completed(second));
		until(() -> EXTERNAL.findAll(postRequestedFor(urlEqualTo(path))).size(), n -> n >= 2);

		JsonNode replay = json(post("/webhooks/" + id + "/replay?from=" + before, null, system));
		assertThat(replay.get("queued").asInt()).isGreaterThanOrEqualTo(2);
		List<LoggedRequest> all = until(() -> EXTERNAL.findAll(postRequestedFor(urlEqualTo(path))),
				list -> list.size() >= 2 + replay.get("queued").asInt());
		assertThat(all.stream().filter(r -> r.getBodyAsString().contains(first))).hasSize(2);
		assertThat(all.stream().filter(r -> r.getBodyAsString().contains(second))).hasSize(2);
		assertThat(json(post("/webhooks/" + id + "/replay?from=" + Instant.now().plusSeconds(60), null, system))
			.get("queued").asInt()).isZero();
		assertThat(post("/webhooks/" + id + "/replay?from=yesterday", null, system).statusCode()).isEqualTo(400);
		assertThat(post("/webhooks/" + id + "/replay", null, system).statusCode()).isEqualTo(400);
	}

	@Test
	void onlyAuthorisedSystemsSubscribeHttpsEndpointsToKnownTypesAndSeeOnlyTheirOwn() {
		String system = integration();
		String body = "{\"url\":\"%s\",\"types\":[\"%s\"]}";
		assertThat(post("/webhooks", body.formatted("https://example.org/hook", SUBMITTED), TestTokens.citizen("c"))
			.statusCode()).isEqualTo(403);
		assertThat(post("/webhooks", body.formatted("https://example.org/hook", SUBMITTED), null).statusCode())
			.isEqualTo(401);
		for (String bad : List.of(body.formatted("http://example.org/hook", SUBMITTED),
				body.formatted("ftp://example.org/hook", SUBMITTED), body.formatted("not a url", SUBMITTED),
				body.formatted("https://example.org/hook", "org.bawaba.nothing.happened.v1"),
				"{\"url\":\"https://example.org/hook\",\"types\":[]}", "{\"url\":\"https://example.org/hook\"}",
				"{\"url\":")) {
			var response = post("/webhooks", bad, system);
			assertThat(response.statusCode()).as(bad).isEqualTo(400);
			assertThat(isProblem(response)).isTrue();
		}
		assertThat(json(get("/webhooks", system))).isEmpty();

		var created = post("/webhooks", body.formatted("https://example.org/hook", SUBMITTED), system);
		assertThat(created.statusCode()).isEqualTo(201);
		String id = json(created).get("subscription").get("id").asString();
		String another = integration();
		for (var response : List.of(get("/webhooks/" + id, another), delete("/webhooks/" + id, another),
				post("/webhooks/" + id + "/replay?from=2026-01-01T00:00:00Z", null, another),
				get("/webhooks/" + id + "/deliveries", another))) {
			assertThat(response.statusCode()).isEqualTo(404);
		}
		assertThat(json(get("/webhooks", another))).isEmpty();
		assertThat(delete("/webhooks/" + id, system).statusCode()).isEqualTo(204);
		assertThat(get("/webhooks/" + id, system).statusCode()).isEqualTo(404);
	}

	private JsonNode subscribe(String system, String path, String type) {
		var response = post("/webhooks", "{\"url\":\"" + EXTERNAL.baseUrl() + path + "\",\"types\":[\"" + type
				+ "\"],\"description\":\"test receiver\"}", system);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response);
	}

	private static String integration() {
		return "Bearer " + TestTokens.token(unique("service-account"), null, null, null, "integration");
	}

	private static String completed(String application) {
		return "{\"applicationId\":\"" + application + "\",\"serviceCode\":\"moi-passport-renewal\",\"agency\":\"moi\","
				+ "\"citizenSubject\":\"someone\",\"submittedAt\":\"2026-11-01T08:00:00Z\","
				+ "\"completedAt\":\"2026-11-05T08:00:00Z\"}";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
