package org.bawaba.notifications.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.bawaba.notifications.NotificationsIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeliveryIT extends NotificationsIT {

	private static final String SUBMITTED = "org.bawaba.eservices.application.submitted.v1";

	private static final String STATUS_CHANGED = "org.bawaba.eservices.application.status-changed.v1";

	@Test
	void aFailingSmsProviderIsRetriedWithBackOffThenTheDeliveryIsMarkedFailed() {
		String citizen = unique("sms-fail");
		String token = TestTokens.citizen(citizen);
		String phone = phone();
		EXTERNAL.stubFor(WireMock.post(urlEqualTo("/sms/messages")).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
			.willReturn(aResponse().withStatus(503)));
		contact(token, null, phone, "en");
		preferences(token, "{\"categories\": {\"applications\": [\"SMS\"]}}");
		submitted(citizen);

		JsonNode delivery = until(() -> json(get("/me/deliveries", token)),
				list -> list.size() == 1 && list.get(0).get("status").asString().equals("FAILED")).get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
		assertThat(delivery.get("channel").asString()).isEqualTo("SMS");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
		assertThat(delivery.get("lastError").asString()).isEqualTo("HTTP 503");
		assertThat(EXTERNAL.findAll(postRequestedFor(urlEqualTo("/sms/messages"))
			.withRequestBody(matchingJsonPath("$.to", equalTo(phone))))).hasSize(3);
		// SMS only: not in the inbox
		assertThat(inbox(token)).isEmpty();
	}

	@Test
	void aSentSmsBecomesDeliveredOnTheProvidersSignedReceipt() throws Exception {
		String citizen = unique("sms-ok");
		String token = TestTokens.citizen(citizen);
		String phone = phone();
		String reference = "prov-" + UUID.randomUUID();
		EXTERNAL.stubFor(WireMock.post(urlEqualTo("/sms/messages")).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
			.willReturn(okJson("{\"id\":\"" + reference + "\"}")));
		contact(token, null, phone, "ar");
		preferences(token, "{\"categories\": {\"applications\": [\"INBOX\", \"SMS\"]}}");
		submitted(citizen);
		until(() -> json(get("/me/deliveries", token)),
				list -> list.size() == 1 && list.get(0).get("status").asString().equals("SENT"));
		String text = EXTERNAL.findAll(postRequestedFor(urlEqualTo("/sms/messages"))
			.withRequestBody(matchingJsonPath("$.to", equalTo(phone)))).get(0).getBodyAsString();
		assertThat(text).contains("تم استلام طلبك");

		String receipt = "{\"id\":\"" + reference + "\",\"status\":\"DELIVERED\"}";
		assertThat(receipt(receipt, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
		assertThat(receipt(receipt, null).statusCode()).isEqualTo(401);
		assertThat(json(get("/me/deliveries", token)).get(0).get("status").asString()).isEqualTo("SENT");
		HttpResponse<String> accepted = receipt(receipt, sign(receipt));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		JsonNode delivered = json(get("/me/deliveries", token)).get(0);
		assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivered.get("providerReference").asString()).isEqualTo(reference);
		String unknown = "{\"id\":\"nope\",\"status\":\"DELIVERED\"}";
		assertThat(receipt(unknown, sign(unknown)).statusCode()).isEqualTo(404);
	}

	@Test
	void quietHoursDeferEmailAndSmsButNotTheInbox() {
		String citizen = unique("quiet");
		String token = TestTokens.citizen(citizen);
		contact(token, citizen + "@example.org", null, "en");
		LocalTime now = LocalTime.now(ZoneOffset.UTC);
		LocalTime start = now.minusHours(1).truncatedTo(ChronoUnit.MINUTES);
		LocalTime end = now.plusHours(1).truncatedTo(ChronoUnit.MINUTES);
		preferences(token, "{\"quietHours\": {\"start\": \"" + start + "\", \"end\": \"" + end + "\", \"zone\": \"UTC\"}}");
		submitted(citizen);
		assertThat(inboxUntil(token, items -> !items.isEmpty())).hasSize(1);
		JsonNode delivery = until(() -> json(get("/me/deliveries", token)), list -> !list.isEmpty()).get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
		assertThat(Instant.parse(delivery.get("nextAttemptAt").asString())).isAfter(Instant.now().plusSeconds(3000));
		assertThat(mailTo(citizen + "@example.org")).isEmpty();
	}

	@Test
	void whoOptedOutGetsOnlyLegallyRequiredNoticesAndWhoHasNoAddressIsRecordedAsSuch() {
		String citizen = unique("opted-out");
		String token = TestTokens.citizen(citizen);
		contact(token, citizen + "@example.org", null, "en");
		preferences(token, "{\"optedOut\": true}");
		String application = UUID.randomUUID().toString();
		publish(APPLICATIONS, SUBMITTED, application, submittedData(application, citizen));
		publish(APPLICATIONS, STATUS_CHANGED, application, "{\"applicationId\":\"" + application + "\",\"citizenSubject\":\""
				+ citizen + "\",\"agency\":\"moi\",\"from\":\"IN_REVIEW\",\"to\":\"REJECTED\",\"reason\":\"Missing photo\","
				+ "\"changedAt\":\"2026-11-02T08:00:00Z\"}");
		List<JsonNode> notices = inboxUntil(token, items -> !items.isEmpty());
		assertThat(notices).extracting(n -> n.get("subject").asString()).containsExactly("Your application is rejected");
		assertThat(notices.get(0).get("body").asString()).contains("Missing photo");
		assertThat(mailUntil(citizen + "@example.org", 1)).extracting(m -> {
			try {
				return m.getSubject();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).containsExactly("Your application is rejected");
		assertThat(count("select count(*) from notice where recipient = ?", citizen)).isEqualTo(1);

		String noAddress = unique("no-address");
		String noAddressToken = TestTokens.citizen(noAddress);
		submitted(noAddress);
		JsonNode delivery = until(() -> json(get("/me/deliveries", noAddressToken)),
				list -> !list.isEmpty() && !list.get(0).get("status").asString().equals("PENDING")).get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("NO_CONTACT");
	}

	@Test
	void contactAndPreferencesRejectBadInputAndChangeNothing() {
		String token = TestTokens.citizen(unique("picky"));
		contact(token, "picky@example.org", "+97455512345", "ar");
		for (String body : List.of("{\"email\":\"not-an-email\"}", "{\"phone\":\"5551234\"}", "{\"locale\":\"fr\"}",
				"{\"email\":", "[]")) {
			HttpResponse<String> response = put("/me/contact", body, token);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(isProblem(response)).isTrue();
		}
		JsonNode contact = json(get("/me/contact", token));
		assertThat(contact.get("email").asString()).isEqualTo("picky@example.org");
		assertThat(contact.get("effective").get("email").get("source").asString()).isEqualTo("profile");
		assertThat(contact.get("effective").get("locale").get("value").asString()).isEqualTo("ar");

		for (String body : List.of("{\"categories\":{\"gossip\":[\"EMAIL\"]}}", "{\"categories\":{\"polls\":[\"PIGEON\"]}}",
				"{\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\",\"zone\":\"Mars/Olympus\"}}",
				"{\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\",\"zone\":\"UTC\"}}",
				"{\"optedOut\":\"maybe\"}")) {
			HttpResponse<String> response = put("/me/preferences", body, token);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(isProblem(response)).isTrue();
		}
		HttpResponse<String> arabic = send(HttpRequest.newBuilder(uri("/me/preferences"))
			.header("Authorization", token).header("Content-Type", "application/json").header("Accept-Language", "ar")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"categories\":{\"gossip\":[\"EMAIL\"]}}")).build());
		assertThat(json(arabic).get("errors").get(0).get("message").asString()).contains("لا توجد فئة");
		JsonNode preferences = json(get("/me/preferences", token));
		assertThat(preferences.get("optedOut").asBoolean()).isFalse();
		assertThat(preferences.get("categories").get("applications").toString()).isEqualTo("[\"INBOX\",\"EMAIL\"]");
	}

	private HttpResponse<String> receipt(String body, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/sms/receipts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Signature", signature);
		}
		return send(request.build());
	}

	private static String sign(String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SMS_RECEIPT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static String phone() {
		return "+9746" + (1000000 + (int) (Math.random() * 8999999));
	}

	private static void submitted(String citizen) {
		String application = UUID.randomUUID().toString();
		publish(APPLICATIONS, SUBMITTED, application, submittedData(application, citizen));
	}

	private static String submittedData(String application, String citizen) {
		return "{\"applicationId\":\"" + application + "\",\"serviceCode\":\"moi-passport-renewal\",\"agency\":\"moi\","
				+ "\"citizenSubject\":\"" + citizen + "\",\"submittedAt\":\"2026-11-01T08:00:00Z\"}";
	}

}
