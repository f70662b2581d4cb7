package org.bawaba.eservices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The payment provider, outside the platform, as WireMock: its checkout API answers a session whose id
 * and hosted page carry our payment id.
 */
public final class TestPaymentProvider {

	public static final String SECRET = "test-callback-secret-0123456789";

	public static final WireMockServer SERVER = start();

	private TestPaymentProvider() {
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		stubCheckout(server);
		return server;
	}

	public static void reset() {
		SERVER.resetAll();
		stubCheckout(SERVER);
	}

	private static void stubCheckout(WireMockServer server) {
		server.stubFor(post(urlEqualTo("/checkout-sessions")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"cs_{{jsonPath request.body '$.merchantReference'}}\","
					+ "\"redirectUrl\":\"https://pay.example.test/checkout/cs_{{jsonPath request.body '$.merchantReference'}}\"}")
			.withTransformers("response-template")));
	}

	public static String baseUrl() {
		return SERVER.baseUrl();
	}

}
