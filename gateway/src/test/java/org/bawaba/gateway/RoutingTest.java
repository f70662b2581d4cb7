package org.bawaba.gateway;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/<service>/**} to the registered services: prefix stripped, token relayed, slow and
 * dead services turned into 504 and 503 within a second, one breaker per service.
 */
@ExtendWith(OutputCaptureExtension.class)
class RoutingTest extends GatewayTestSupport {

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	LateRegistrations lateRegistrations;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void requestReachesTheServiceWithoutThePrefixAndWithTheTokenRelayed() {
		String token = TestTokens.sign(TestTokens.citizen());
		String path = "/hello-" + UUID.randomUUID();
		this.client.get()
			.uri("/api/hello" + path + "?lang=ar")
			.headers(headers -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("hello from " + path);
		assertThat(TestBackends.HELLO.received())
			.contains(new TestBackends.Received("GET", path, "Bearer " + token));
	}

	@Test
	void anonymousRequestIsRoutedWithoutAuthorization() {
		String path = "/public-" + UUID.randomUUID();
		this.client.post()
			.uri("/api/hello" + path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"question\":\"opening hours\"}")
			.exchange()
			.expectStatus().isOk();
		assertThat(TestBackends.HELLO.received()).contains(new TestBackends.Received("POST", path, null));
	}

	@Test
	void forgedTokenIsRefusedBeforeRouting() {
		String path = "/forged-" + UUID.randomUUID();
		this.client.get()
			.uri("/api/hello" + path)
			.headers(headers -> headers.setBearerAuth(TestTokens.sign(TestTokens.citizen(), TestTokens.FORGER)))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/unauthorized");
		assertThat(TestBackends.HELLO.received()).noneMatch(received -> received.path().equals(path));
	}

	@Test
	void slowServiceAnswers504WithinASecondAndAHalf() {
		long started = System.nanoTime();
		expectProblem("/api/slow/report", HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout",
				"The service “slow” did not answer in time.");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
	}

	@Test
	void serviceThatIsDownAnswers503WithinASecond() {
		long started = System.nanoTime();
		expectProblem("/api/down/anything", HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"Service unavailable", "The service “down” is not available right now. Try again later.");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
	}

	@Test
	void aCallThatCannotConnectToOneInstanceGoesToTheOtherWhateverItsMethod() {
		for (int call = 0; call < 6; call++) {
			this.client.get().uri("/api/twice/x").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("0");
			this.client.post().uri("/api/twice/applications").contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"call\": " + call + "}").exchange()
				.expectStatus().isOk().expectBody(String.class).isEqualTo(Integer.toString(("{\"call\": " + call + "}").length()));
		}
		assertThat(this.breakers.circuitBreaker("twice").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void aListedServiceWithNoInstanceAnswers503WithinASecond() {
		// as for a service whose instances have all stopped: its load balancer exists already (timed from then on)
		this.client.get().uri("/api/vacant/first").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		long started = System.nanoTime();
		expectProblem("/api/vacant/anything", HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"Service unavailable", "The service “vacant” is not available right now. Try again later.");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
	}

	@Test
	void aSlowServiceDoesNotHoldTheOthersUp() {
		this.client.get().uri("/api/other/ping").exchange().expectBody().returnResult();
		CompletableFuture<EntityExchangeResult<byte[]>> slow = CompletableFuture
			.supplyAsync(() -> this.client.get().uri("/api/slow/report").exchange().expectBody().returnResult());
		sleep(200);
		long started = System.nanoTime();
		this.client.get().uri("/api/other/ping").exchange().expectStatus().isOk().expectBody(String.class)
			.isEqualTo("other");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
		assertThat(slow.join().getStatus()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
	}

	@Test
	void aBreakerThatOpensSaysInTheLogWhatFailed(CapturedOutput output) {
		CircuitBreaker down = this.breakers.circuitBreaker("down");
		try {
			for (int call = 0; call < 10 && down.getState() == CircuitBreaker.State.CLOSED; call++) {
				this.client.get().uri("/api/down/anything").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			}
			assertThat(down.getState()).isEqualTo(CircuitBreaker.State.OPEN);
			assertThat(output.getOut()).contains("breaker of down counted a failure after")
				.contains("breaker of down: State transition from CLOSED to OPEN (failure rate 100.0 %");
		}
		finally {
			down.reset();
		}
	}

	@Test
	void eachServiceHasABreakerOfItsOwn() {
		this.client.get().uri("/api/hello/x").exchange().expectStatus().isOk();
		this.client.get().uri("/api/other/x").exchange().expectStatus().isOk();
		assertThat(this.breakers.getAllCircuitBreakers()).extracting(CircuitBreaker::getName)
			.contains("hello", "other");
		assertThat(this.breakers.circuitBreaker("hello")).isNotSameAs(this.breakers.circuitBreaker("other"));
	}

	@Test
	void aListedServiceThatRegistersLaterIsRoutedWithoutRestartAndAnUnlistedOneNever() {
		String stranger = "late-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.get().uri("/api/latecomer/hello").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

		this.lateRegistrations.register("latecomer", TestBackends.HELLO.port());
		this.lateRegistrations.register(stranger, TestBackends.ROGUE.port());
		this.events.publishEvent(new HeartbeatEvent(this, "latecomer"));

		// once the load balancer's list of its instances (cached for spring.cloud.loadbalancer.cache.ttl) is renewed
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		HttpStatusCode status = HttpStatus.SERVICE_UNAVAILABLE;
		while (status.value() != 200 && System.nanoTime() < deadline) {
			sleep(250);
			status = this.client.get().uri("/api/latecomer/hello").exchange().returnResult(String.class).getStatus();
		}
		assertThat(status.value()).isEqualTo(200);
		this.client.get().uri("/api/" + stranger + "/hello").exchange().expectStatus().isNotFound();
		assertThat(TestBackends.ROGUE.received()).isEmpty();
	}

	@Test
	void anInstanceThatMerelyAppearsInTheRegistryGetsNoRouteNorTheCallersToken() {
		String token = TestTokens.sign(TestTokens.citizen());
		for (String path : new String[] { "/api/anyname/hello", "/api/anyname", "/api/ANYNAME/hello" }) {
			this.client.get()
				.uri(path)
				.headers(headers -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus().isNotFound()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.type").isEqualTo("https://bawaba.org/problems/not-found");
		}
		assertThat(TestBackends.ROGUE.received()).isEmpty();
	}

	@Test
	void theRegistryAndAgencyServicesAreNotRoutedHere() {
		this.client.get().uri("/api/registry/eureka/apps").exchange().expectStatus().isNotFound();
		this.client.get().uri("/api/ministry-of-health/hello").exchange().expectStatus().isNotFound();
	}

	private void expectProblem(String uri, HttpStatus status, String type, String title, String detail) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus().isEqualTo(status)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/" + type)
			.jsonPath("$.title").isEqualTo(title)
			.jsonPath("$.status").isEqualTo(status.value())
			.jsonPath("$.detail").isEqualTo(detail)
			.jsonPath("$.instance").isEqualTo(uri)
			.jsonPath("$.trace").doesNotExist();
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
