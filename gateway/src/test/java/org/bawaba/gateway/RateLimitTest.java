package org.bawaba.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis rate limits on the service {@code limited} (anonymous: 2 at once, signed in: 3, agency
 * clients: 6, one more per second each), counted in the machine's Redis under this run's keys.
 * <p>
 * The limiter's clock (Redis {@code TIME}) counts whole seconds, so a burst that straddles a
 * second boundary earns one extra token, and a slow burst one more per second it lasts: each test
 * allows those before the 429.
 */
class RateLimitTest extends GatewayTestSupport {

	@Test
	void anAnonymousCallerOverTheLimitGets429WithRetryAfterThenIsServedAgain() throws InterruptedException {
		EntityExchangeResult<byte[]> refused = exhaust(null, 2);
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(new String(refused.getResponseBody()))
			.contains("\"type\":\"https://bawaba.org/problems/too-many-requests\"")
			.contains("\"status\":429")
			.contains("“limited”");

		Thread.sleep(1100);

		get(null).expectStatus().isOk();
	}

	@Test
	void eachSignedInSubjectHasALimitOfItsOwn() {
		String first = TestTokens.sign(TestTokens.person(UUID.randomUUID().toString()));
		String second = TestTokens.sign(TestTokens.person(UUID.randomUUID().toString()));

		exhaust(first, 3);

		get(second).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "3");
	}

	@Test
	void agencyClientsAreCountedOnTheirOwnHigherLimits() {
		String client = "moi-registry-" + UUID.randomUUID().toString().substring(0, 8);
		String agency = TestTokens.sign(TestTokens.agencyClient(client, "moi"));

		EntityExchangeResult<byte[]> refused = exhaust(agency, 6);
		assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Burst-Capacity")).isEqualTo("6");

		// agency staff signed in as people get a person's limits, though their tokens carry 'agency'
		String staff = TestTokens.sign(TestTokens.person(UUID.randomUUID().toString()).claim("agency", "moi"));
		get(staff).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "3");
	}

	@Test
	void otherServicesHaveTheDefaultLimits() {
		this.client.get().uri("/api/hello/defaults").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "1000");
	}

	/**
	 * Spends a full bucket ({@code burst} requests, all served), then expects a 429 as soon as the
	 * bucket is empty. It refills by one token a second (counted in whole seconds of Redis
	 * {@code TIME}), so on a slow machine, where the requests themselves take a while, a request
	 * for each second begun since the first is still served, and no more.
	 */
	private EntityExchangeResult<byte[]> exhaust(String token, int burst) {
		long started = System.nanoTime();
		for (int i = 0; i < burst; i++) {
			get(token).expectStatus().isOk();
		}
		for (int served = burst;; served++) {
			EntityExchangeResult<byte[]> result = get(token).expectBody().returnResult();
			if (result.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
				return result;
			}
			assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
			long refills = (long) Math.ceil((System.nanoTime() - started) / 1e9) + 1;
			if (served + 1 > burst + refills || served >= burst + 30) {
				throw new AssertionError("still served after " + (served + 1) + " requests in " + (refills - 1)
						+ " s: the limit of " + burst + " (one more a second) was not applied");
			}
		}
	}

	private WebTestClient.ResponseSpec get(String token) {
		return this.client.get()
			.uri("/api/limited/ping")
			.headers(headers -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.exchange();
	}

}
