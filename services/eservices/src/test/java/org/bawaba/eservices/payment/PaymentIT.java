package org.bawaba.eservices.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.eservices.EservicesIT;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.eservices.TestPaymentProvider;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PaymentIT extends EservicesIT {

	static final String CITIZEN = TestTokens.citizen("citizen-pays");

	static final String MOI_STAFF = TestTokens.staff("moi-staff", "moi");

	@AfterEach
	void resetProvider() {
		TestPaymentProvider.reset();
	}

	@Test
	void aConfirmedPaymentMarksTheApplicationPaidOncePublishesTheEventAndOpensReview() {
		String id = submitted();
		HttpResponse<String> started = post("/applications/" + id + "/payments", "", CITIZEN);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		JsonNode payment = json(started);
		String paymentId = payment.get("id").asString();
		assertThat(payment.get("status").asString()).isEqualTo("PENDING");
		assertThat(payment.get("redirectUrl").asString()).isEqualTo("https://pay.example.test/checkout/cs_" + paymentId);
		assertThat(started.headers().firstValue("Location")).hasValue(payment.get("redirectUrl").asString());
		TestPaymentProvider.SERVER.verify(postRequestedFor(urlEqualTo("/checkout-sessions")).withRequestBody(equalToJson(
				"{\"merchantReference\":\"" + paymentId + "\",\"amount\":\"100.00\",\"currency\":\"QAR\"}", true, true)));

		String body = callback(paymentId, "PAID", "100.00");
		HttpResponse<String> confirmed = signedCallback(body);
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(json(confirmed).get("replay").asBoolean()).isFalse();
		assertThat(json(get("/applications/" + id, CITIZEN)).get("paid").asBoolean()).isTrue();
		JsonNode returned = json(get("/payments/return?payment=" + paymentId, null));
		assertThat(returned.get("status").asString()).isEqualTo("PAID");
		// the portal's page links back to the application
		assertThat(returned.get("applicationId").asString()).isEqualTo(id);

		HttpResponse<String> replayed = signedCallback(body);
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(json(replayed).get("replay").asBoolean()).isTrue();
		assertThat(signedCallback(callback(paymentId, "FAILED", "100.00")).statusCode()).isEqualTo(200);
		assertThat(json(get("/applications/" + id + "/payments", CITIZEN)).get(0).get("status").asString())
			.isEqualTo("PAID");
		assertThat(post("/applications/" + id + "/payments", "", CITIZEN).statusCode()).isEqualTo(409);
		assertThat(json(post("/applications/" + id + "/start-review", "", MOI_STAFF)).get("status").asString())
			.isEqualTo("IN_REVIEW");

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ESERVICES_APPLICATIONS, id, read -> read.size() >= 3);
		assertThat(events).extracting(CloudEvent::getType).containsExactly(
				"org.bawaba.eservices.application.submitted.v1",
				"org.bawaba.eservices.application.payment-confirmed.v1",
				"org.bawaba.eservices.application.status-changed.v1");
		JsonNode data = JSON.readTree(events.get(1).getData().toBytes());
		assertThat(data.get("amountMinor").asLong()).isEqualTo(10000);
		assertThat(data.get("paymentId").asString()).isEqualTo(paymentId);
	}

	@Test
	void aFailedPaymentLeavesTheApplicationUnpaidAndTheCitizenMayTryAgain() {
		String id = submitted();
		String paymentId = json(post("/applications/" + id + "/payments", "", CITIZEN)).get("id").asString();
		HttpResponse<String> failed = signedCallback(callback(paymentId, "FAILED", "100.00"));
		assertThat(json(failed).get("status").asString()).isEqualTo("FAILED");
		assertThat(json(get("/applications/" + id, CITIZEN)).get("paid").asBoolean()).isFalse();
		assertThat(post("/applications/" + id + "/start-review", "", MOI_STAFF).statusCode()).isEqualTo(409);

		String second = json(post("/applications/" + id + "/payments", "", CITIZEN)).get("id").asString();
		HttpResponse<String> underpaid = signedCallback(callback(second, "PAID", "1.00"));
		assertThat(json(underpaid).get("status").asString()).isEqualTo("FAILED");
		assertThat(json(get("/applications/" + id, CITIZEN)).get("paid").asBoolean()).isFalse();
		assertThat(post("/applications/" + id + "/reject", "{\"message\":\"Not paid\"}", MOI_STAFF).statusCode())
			.isEqualTo(200);
		assertThat(TestKafka.events(KAFKA, Topics.ESERVICES_APPLICATIONS, id, read -> read.size() >= 2))
			.extracting(CloudEvent::getType)
			.containsExactly("org.bawaba.eservices.application.submitted.v1",
					"org.bawaba.eservices.application.status-changed.v1");
	}

	@Test
	void unsignedForgedOrUnknownCallbacksChangeNothing() {
		String id = submitted();
		String paymentId = json(post("/applications/" + id + "/payments", "", CITIZEN)).get("id").asString();
		String body = callback(paymentId, "PAID", "100.00");

		HttpResponse<String> unsigned = send(HttpRequest.newBuilder(uri("/payments/callback"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(isProblem(unsigned)).isTrue();
		HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/payments/callback"))
			.header("Content-Type", "application/json")
			.header("X-Payment-Signature", CallbackSignature.sign("not-the-secret-at-all", body.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(signedCallback(callback("00000000-0000-0000-0000-000000000000", "PAID", "100.00")).statusCode())
			.isEqualTo(404);
		assertThat(signedCallback("{\"paymentId\":\"" + paymentId + "\"}").statusCode()).isEqualTo(400);
		assertThat(json(get("/applications/" + id, CITIZEN)).get("paid").asBoolean()).isFalse();
		assertThat(json(get("/applications/" + id + "/payments", CITIZEN)).get(0).get("status").asString())
			.isEqualTo("PENDING");
	}

	@Test
	void aProviderThatDoesNotAnswerIs502AndNothingIsStored() {
		String id = submitted();
		TestPaymentProvider.SERVER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/checkout-sessions"))
			.atPriority(1)
			.willReturn(aResponse().withStatus(503)));
		HttpResponse<String> down = post("/applications/" + id + "/payments", "", CITIZEN);
		assertThat(down.statusCode()).isEqualTo(502);
		assertThat(json(down).get("type").asString()).endsWith("/payment-provider-failed");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from payment where application_id = ?::uuid", id)).isZero();

		HttpResponse<String> free = post("/applications",
				"{\"serviceCode\":\"mol-job-seeker\",\"formData\":{\"qualification\":\"bachelor\",\"field\":\"Law\"}}", CITIZEN);
		assertThat(post("/applications/" + json(free).get("id").asString() + "/payments", "", CITIZEN).statusCode())
			.isEqualTo(409);
		assertThat(post("/applications/" + id + "/payments", "", TestTokens.citizen("someone-else")).statusCode())
			.isEqualTo(404);
	}

	private String submitted() {
		HttpResponse<String> response = post("/applications", "{\"serviceCode\":\"moi-vehicle-registration-renewal\","
				+ "\"submit\":true,\"formData\":{\"plateNumber\":\"4242\",\"insurancePolicy\":\"QIC-9\"}}", CITIZEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response).get("id").asString();
	}

	private static String callback(String paymentId, String status, String amount) {
		return "{\"paymentId\":\"%s\",\"providerRef\":\"cs_%s\",\"status\":\"%s\",\"amount\":\"%s\",\"currency\":\"QAR\"}"
			.formatted(paymentId, paymentId, status, amount);
	}

	private HttpResponse<String> signedCallback(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(uri("/payments/callback"))
			.header("Content-Type", "application/json")
			.header("X-Payment-Signature", CallbackSignature.sign(TestPaymentProvider.SECRET, bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build());
	}

}
