package org.bawaba.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With the sign-on down (nothing listens where its JWKS should be), a bearer token cannot be
 * checked: the gateway answers 503 as a problem, saying so, instead of 500 or 401; a request
 * without a token is still routed. A gateway of its own, without Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SignOnDownTest {

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void signOnDown(DynamicPropertyRegistry registry) {
		GatewayTestSupport.standalone(registry, "sign-on-down",
				() -> "http://127.0.0.1:" + TestBackends.DOWN_PORT + "/realms/bawaba/protocol/openid-connect/certs");
	}

	@Test
	void aBearerTokenThatCannotBeCheckedIsServiceUnavailable() {
		for (String path : new String[] { "/api/hello/x", "/api/me" }) {
			this.client.get().uri(path)
				.headers(headers -> headers.setBearerAuth(TestTokens.sign(TestTokens.citizen())))
				.exchange()
				.expectStatus().isEqualTo(503)
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/service-unavailable")
				.jsonPath("$.status").isEqualTo(503)
				.jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
					.contains("sign-on is unavailable"))
				.jsonPath("$.instance").isEqualTo(path);
		}
	}

	@Test
	void aBrowserSigningInGetsOurBilingualPageNotAConnectionErrorAtTheSignOn() {
		String arabic = signInPage("ar");
		org.assertj.core.api.Assertions.assertThat(arabic).contains("lang=\"ar\"").contains(">English<")
			.containsPattern("[\\u0600-\\u06FF]{3,}");
		org.assertj.core.api.Assertions.assertThat(signInPage("en")).contains("lang=\"en\"")
			.contains("sign-on is unavailable").contains(">العربية<");
		this.client.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
				.contains("sign-on is unavailable"));
	}

	private String signInPage(String language) {
		return this.client.get().uri("/oauth2/authorization/keycloak?lang=" + language)
			.header("Accept", "text/html,application/xhtml+xml")
			.header("Accept-Language", language)
			.exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
	}

	@Test
	void aMalformedTokenIsStillUnauthorizedAndAnonymousRequestsStillPass() {
		this.client.get().uri("/api/hello/x").headers(headers -> headers.setBearerAuth("not-a-jwt")).exchange()
			.expectStatus().isUnauthorized();
		this.client.get().uri("/api/hello/x").exchange().expectStatus().isOk();
	}

}
