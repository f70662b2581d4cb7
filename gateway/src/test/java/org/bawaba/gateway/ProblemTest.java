package org.bawaba.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors the gateway produces itself are RFC 9457 problem details; health is public.
 */
class ProblemTest extends GatewayTestSupport {

	@Test
	void unknownRouteIsNotFound() {
		this.client.get()
			.uri("/api/nothing/here")
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/not-found")
			.jsonPath("$.title").isEqualTo("Not found")
			.jsonPath("$.status").isEqualTo(404)
			.jsonPath("$.detail").isEqualTo("There is nothing at this address.")
			.jsonPath("$.instance").isEqualTo("/api/nothing/here")
			.jsonPath("$.trace").doesNotExist()
			.jsonPath("$.exception").doesNotExist();
	}

	@Test
	void unsupportedMethodIsMethodNotAllowed() {
		this.client.delete()
			.uri("/api/me")
			.headers(headers -> headers.setBearerAuth(TestTokens.sign(TestTokens.citizen())))
			.exchange()
			.expectStatus().isEqualTo(405)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET"))
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/method-not-allowed")
			.jsonPath("$.status").isEqualTo(405);
	}

	@Test
	void healthProbesArePublic() {
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/info").exchange().expectStatus().isOk();
	}

}
