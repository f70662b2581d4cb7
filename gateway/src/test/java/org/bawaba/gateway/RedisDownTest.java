package org.bawaba.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis down and back (docs/RELIABILITY.md): the gateway keeps routing API calls, without rate limits while Redis
 * is away (limits protect the services, they must not become the outage); a browser whose session is in Redis
 * gets a clear 503 problem, never a 500 nor a silent sign-out; and all of it works again once Redis returns,
 * without a restart. A Redis server of the test's own (the machine's {@code redis-server}), stopped and started
 * again on the same port; a gateway of its own, without Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class RedisDownTest {

	static final int REDIS_PORT = TestBackends.freePort();

	static Process redis = startRedis();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void ownRedis(DynamicPropertyRegistry registry) {
		GatewayTestSupport.standalone(registry, "redis-down",
				() -> TestBackends.url(TestBackends.SIGN_ON) + "/realms/bawaba/protocol/openid-connect/certs");
		registry.add("spring.data.redis.port", () -> REDIS_PORT);
	}

	@Test
	void apiCallsGoOnWithoutLimitsBrowserSessionsGetAClearAnswerAndAllComesBackWithRedis() {
		String citizen = TestTokens.sign(TestTokens.citizen());
		// Redis up: limits are counted, and a browser gets a session
		assertThat(remaining(apiCall(citizen))).isNotNegative();
		String session = this.client.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectStatus().isFound()
			.expectBody().returnResult().getResponseCookies().getFirst("SESSION").getValue();

		stopRedis();
		long started = System.nanoTime();
		EntityExchangeResult<byte[]> withoutRedis = apiCall(citizen);
		// Spring Cloud Gateway's limiter answers "allowed, -1 left" when Redis fails
		assertThat(remaining(withoutRedis)).as("limits not counted").isEqualTo(-1);
		this.client.get().uri("/api/hello/x").exchange().expectStatus().isOk();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two calls without Redis")
			.isLessThan(Duration.ofSeconds(3));
		this.client.get().uri("/api/hello/x").cookie("SESSION", session).exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/service-unavailable")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("session"));
		// a browser that starts signing in: our page, not a bare 500 when its new session cannot be saved
		this.client.get().uri("/oauth2/authorization/keycloak").header("Accept", "text/html")
			.header("Accept-Language", "ar").exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).value(page -> assertThat(page).contains("lang=\"ar\"").contains(">English<"));
		this.client.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("session"));

		redis = startRedis();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (remaining(apiCall(citizen)) < 0) {
			assertThat(System.nanoTime()).as("limits counted again within 20 s of Redis's return").isLessThan(deadline);
			sleep(250);
		}
		this.client.get().uri("/api/hello/x").cookie("SESSION", session).exchange().expectStatus().isOk();
		this.client.get().uri("/oauth2/authorization/keycloak").exchange().expectStatus().isFound();
	}

	private static long remaining(EntityExchangeResult<byte[]> result) {
		return Long.parseLong(result.getResponseHeaders().getFirst("X-RateLimit-Remaining"));
	}

	private EntityExchangeResult<byte[]> apiCall(String token) {
		return this.client.get().uri("/api/hello/x").headers(headers -> headers.setBearerAuth(token)).exchange()
			.expectStatus().isOk()
			.expectBody().returnResult();
	}

	@AfterAll
	static void stopRedisAtTheEnd() {
		stopRedis();
	}

	private static Process startRedis() {
		try {
			Path directory = Files.createTempDirectory("bawaba-redis-down");
			Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(REDIS_PORT), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("redis.log").toFile())
				.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!listening()) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("redis-server did not start on " + REDIS_PORT + ": see "
							+ directory.resolve("redis.log"));
				}
				sleep(50);
			}
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the machine's redis-server is needed", ex);
		}
	}

	private static void stopRedis() {
		redis.destroyForcibly();
		try {
			redis.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean listening() {
		try (var socket = new java.net.Socket(InetAddress.getLoopbackAddress(), REDIS_PORT)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
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
