package org.bawaba.eservices.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.bawaba.eservices.EservicesIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The simulated provider of local runs: its hosted page pays through the same signed callback. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "eservices.payments.provider=simulated")
class SimulatedPaymentIT extends EservicesIT {

	static final String CITIZEN = TestTokens.citizen("citizen-simulated");

	@Autowired
	PaymentProperties properties;

	@Autowired
	PaymentRepository repository;

	@DynamicPropertySource
	static void simulated(DynamicPropertyRegistry registry) {
		registry.add("eservices.payments.simulator-base-url", () -> "http://localhost:8080/api/eservices/payment-simulator");
	}

	@Test
	void theHostedPagePaysOrDeclinesThroughTheSignedCallback() {
		String id = submitted();
		JsonNode payment = json(post("/applications/" + id + "/payments", "", CITIZEN));
		String page = payment.get("redirectUrl").asString();
		assertThat(page).startsWith("http://localhost:8080/api/eservices/payment-simulator/sim_");
		String path = page.substring("http://localhost:8080/api/eservices".length());

		// another instance of the service, which did not start this payment, serves its page as well
		SimulatedPaymentProvider another = new SimulatedPaymentProvider(properties, repository);
		SimulatedPaymentProvider.Session session = another.session(path.substring(path.lastIndexOf('/') + 1));
		assertThat(session).isNotNull();
		assertThat(session.paymentId().toString()).isEqualTo(payment.get("id").asString());
		assertThat(session.amount()).isEqualByComparingTo("100.00");

		HttpResponse<String> html = get(path, null);
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.body()).contains("100.00 QAR").contains("pay?outcome=success").contains("lang=\"en\"");
		// in the browser's language, in the portal's style
		HttpResponse<String> arabic = send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "ar").GET().build());
		assertThat(arabic.body()).contains("lang=\"ar\" dir=\"rtl\"").contains("ادفع").contains("ريال قطري")
			.contains("/portal.css").doesNotContain("Simulated payment");

		HttpResponse<String> declined = send(HttpRequest.newBuilder(uri(path + "/pay?outcome=failure"))
			.POST(HttpRequest.BodyPublishers.noBody()).build());
		assertThat(declined.statusCode()).isEqualTo(303);
		assertThat(json(get("/applications/" + id, CITIZEN)).get("paid").asBoolean()).isFalse();

		String second = json(post("/applications/" + id + "/payments", "", CITIZEN)).get("redirectUrl").asString()
			.substring("http://localhost:8080/api/eservices".length());
		HttpResponse<String> paid = send(HttpRequest.newBuilder(uri(second + "/pay?outcome=success"))
			.POST(HttpRequest.BodyPublishers.noBody()).build());
		assertThat(paid.statusCode()).isEqualTo(303);
		assertThat(paid.headers().firstValue("Location").orElseThrow()).contains("/payments/return?payment=");
		assertThat(json(get("/applications/" + id, CITIZEN)).get("paid").asBoolean()).isTrue();
		assertThat(get("/payment-simulator/sim_unknown", null).statusCode()).isEqualTo(404);
	}

	private String submitted() {
		HttpResponse<String> response = post("/applications", "{\"serviceCode\":\"moi-vehicle-registration-renewal\","
				+ "\"submit\":true,\"formData\":{\"plateNumber\":\"777\",\"insurancePolicy\":\"SIM-1\"}}", CITIZEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response).get("id").asString();
	}

}
