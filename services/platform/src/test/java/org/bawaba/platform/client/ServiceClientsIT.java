package org.bawaba.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestHttpServer;
import org.bawaba.platform.web.CorrelationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpServerErrorException;

/** Outgoing calls: load-balanced by service name, token relay, correlation id, retries, circuit breaker. */
@SpringBootTest(classes = ServiceClientsIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=client-test", "bawaba.client.retry-wait=10ms",
				"bawaba.client.sliding-window-size=4" })
@DirtiesContext
class ServiceClientsIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_platform_client_test");

	static final AtomicInteger failuresLeft = new AtomicInteger();

	static final List<String> authorizations = new CopyOnWriteArrayList<>();

	static final List<String> correlationIds = new CopyOnWriteArrayList<>();

	static final TestHttpServer server = TestHttpServer.create().answer("/", exchange -> {
		authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		correlationIds.add(String.valueOf(exchange.getRequestHeaders().getFirst(CorrelationId.HEADER)));
		boolean fail = failuresLeft.getAndDecrement() > 0;
		return new TestHttpServer.Answer(fail ? 503 : 200, null, fail ? "down" : "hello");
	}).start();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.cloud.discovery.client.simple.instances.greeter[0].uri",
				server::baseUrl);
	}

	@Autowired
	ServiceClients clients;

	@AfterEach
	void reset() {
		SecurityContextHolder.clearContext();
		MDC.clear();
		authorizations.clear();
		correlationIds.clear();
		failuresLeft.set(0);
		clients.circuitBreakers().getAllCircuitBreakers().forEach(breaker -> breaker.reset());
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Test
	void relaysTheCallersTokenAndCorrelationIdToTheServiceFoundByName() {
		Jwt jwt = Jwt.withTokenValue("caller-token").header("alg", "RS256").subject("citizen-1").build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
		MDC.put(CorrelationId.MDC_KEY, "corr-client-1");

		String body = clients.relayingCallerToken("greeter").get().uri("/hello").retrieve().body(String.class);

		assertThat(body).isEqualTo("hello");
		assertThat(authorizations).containsExactly("Bearer caller-token");
		assertThat(correlationIds).containsExactly("corr-client-1");
	}

	@Test
	void idempotentCallsAreRetriedOnUnavailable() {
		failuresLeft.set(2);
		assertThat(clients.relayingCallerToken("greeter").get().uri("/hello").retrieve().body(String.class))
			.isEqualTo("hello");
		assertThat(authorizations).hasSize(3);
	}

	@Test
	void postsAreNotRetried() {
		failuresLeft.set(1);
		assertThatThrownBy(() -> clients.relayingCallerToken("greeter").post().uri("/hello").retrieve().toBodilessEntity())
			.isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);
		assertThat(authorizations).hasSize(1);
	}

	@Test
	void theCircuitOpensAfterRepeatedFailures() {
		failuresLeft.set(1000);
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> clients.relayingCallerToken("greeter").get().uri("/hello").retrieve()
				.toBodilessEntity()).isInstanceOfAny(HttpServerErrorException.class, CallNotPermittedException.class);
		}
		int calls = authorizations.size();
		assertThatThrownBy(() -> clients.relayingCallerToken("greeter").get().uri("/hello").retrieve()
			.toBodilessEntity()).isInstanceOf(CallNotPermittedException.class);
		assertThat(authorizations).hasSize(calls);
	}

	@Test
	void aNamedCircuitOpensAloneForTheSameService() {
		failuresLeft.set(1000);
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> clients.relayingCallerToken("greeter", "greeter-behind-a").get().uri("/a")
				.retrieve().toBodilessEntity()).isInstanceOfAny(HttpServerErrorException.class, CallNotPermittedException.class);
		}
		assertThat(clients.circuitBreakers().circuitBreaker("greeter-behind-a").getState())
			.isEqualTo(CircuitBreaker.State.OPEN);
		failuresLeft.set(0);

		assertThat(clients.relayingCallerToken("greeter", "greeter-behind-b").get().uri("/b").retrieve()
			.body(String.class)).isEqualTo("hello");
		assertThat(clients.circuitBreakers().circuitBreaker("greeter").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void serviceCredentialsNeedARegistration() {
		assertThatThrownBy(() -> clients.withServiceCredentials("greeter")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("BAWABA_CLIENT_SECRET")
			.hasMessageContaining("spring.security.oauth2.client.registration.bawaba");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
