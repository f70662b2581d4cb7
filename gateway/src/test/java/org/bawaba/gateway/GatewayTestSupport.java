package org.bawaba.gateway;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The whole gateway on a random port, without Eureka and without Keycloak: services come from
 * Spring Cloud's simple discovery client and point at {@link TestBackends}; tokens are validated
 * against the JWKS of {@link TestTokens}; rate limits count in the machine's Redis under keys of
 * this run; usage records go to an embedded Kafka broker (KRaft). Every test class shares this one
 * application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN",
				"logging.level.state.change.logger=WARN" })
@EmbeddedKafka(topics = "bawaba.gateway.usage", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
// a generous timeout: the machine that runs the tests may be busy with other builds
@AutoConfigureWebTestClient(timeout = "30s")
@Import(GatewayTestSupport.TestServices.class)
abstract class GatewayTestSupport {

	/** A browser origin the gateway is configured to allow. */
	static final String PORTAL_ORIGIN = "https://portal.bawaba.test";

	/** Where people reach the suite, as configured ({@code bawaba.public-url}). */
	static final String PUBLIC_URL = "https://bawaba.test";

	/** The services the gateway is configured to route ({@code bawaba.routing.services}). */
	static final String ROUTED = "hello, other, slow, down, echo, stream, uploads, counted, limited, auth, latecomer, "
			+ "newcomer, tardy, gone, broken, twice, vacant";

	/** An endpoint of the gateway that fails unexpectedly, in the tests only. */
	static final String FAILING_PATH = "/api/test-failure";

	/** What this test run's Redis keys start with. */
	static final String RUN = "bawaba-test-" + UUID.randomUUID();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void testEnvironment(DynamicPropertyRegistry registry) {
		registry.add("eureka.client.enabled", () -> "false");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> TestBackends.url(TestBackends.SIGN_ON) + "/realms/bawaba/protocol/openid-connect/certs");
		service(registry, "hello", TestBackends.url(TestBackends.HELLO));
		// the portal gets every path outside the gateway's own (org.bawaba.gateway.routing.PortalRoute)
		service(registry, "portal", TestBackends.url(TestBackends.HELLO));
		service(registry, "other", TestBackends.url(TestBackends.OTHER));
		service(registry, "slow", TestBackends.url(TestBackends.SLOW));
		service(registry, "down", "http://127.0.0.1:" + TestBackends.DOWN_PORT);
		// two instances, the first killed (its port refuses), the second alive; and a listed service with none
		service(registry, "twice", "http://127.0.0.1:" + TestBackends.DOWN_PORT);
		registry.add("spring.cloud.discovery.client.simple.instances.twice[1].uri", () -> TestBackends.url(TestBackends.ECHO));
		// failing services of ErrorsOverHttpTest's own, so that its calls open no other test's breaker
		service(registry, "tardy", TestBackends.url(TestBackends.SLOW));
		service(registry, "gone", "http://127.0.0.1:" + TestBackends.DOWN_PORT);
		service(registry, "broken", "http://127.0.0.1:" + TestBackends.BROKEN_PORT);
		registry.add("bawaba.routing.services", () -> ROUTED);
		registry.add("bawaba.public-url", () -> PUBLIC_URL);
		// registered, but not meant to be routed: the registry, a name nobody listed, an agency's
		// metadata on a service that is not the agency's
		service(registry, "registry", TestBackends.url(TestBackends.HELLO));
		service(registry, "anyname", TestBackends.url(TestBackends.ROGUE));
		service(registry, "ministry-of-health", TestBackends.url(TestBackends.HELLO));
		registry.add("spring.cloud.discovery.client.simple.instances.ministry-of-health[0].metadata.agency",
				() -> "moh");
		// agencies' own services, and the auth service's directory of onboarded agencies
		service(registry, "auth", TestBackends.url(TestBackends.AGENCIES));
		agencyService(registry, "mosd-allowance", "mosd", "allowance", TestBackends.HELLO);
		agencyService(registry, "rogue-service", "rogue", "anything", TestBackends.HELLO);
		// instances claiming an onboarded agency's paths under service ids that are not the agency's
		agencyService(registry, "impostor", "mosd", "allowance", TestBackends.ROGUE);
		agencyService(registry, "rogue-grants", "mosd", "grants", TestBackends.ROGUE);
		agencyService(registry, "mosd-anything", "mosd", "/api/grants", TestBackends.ROGUE);
		registry.add("bawaba.agencies.refresh-interval", () -> "1h");
		service(registry, "echo", TestBackends.url(TestBackends.ECHO));
		service(registry, "stream", TestBackends.url(TestBackends.STREAM));
		service(registry, "uploads", TestBackends.url(TestBackends.SLOW_ECHO));
		registry.add("bawaba.routing.long-running.paths[0]", () -> "/api/slow/exports/**");
		service(registry, "counted", TestBackends.url(TestBackends.HELLO));
		registry.add("bawaba.usage.flush-interval", () -> "200ms");
		service(registry, "limited", TestBackends.url(TestBackends.HELLO));
		// The machine's Redis, with keys of this test run only.
		registry.add("bawaba.rate-limit.key-prefix", () -> RUN);
		registry.add("spring.session.data.redis.namespace", () -> RUN + ":session");
		limits(registry, "defaults", "anonymous", 1000, 1000);
		limits(registry, "defaults", "signed-in", 1000, 1000);
		limits(registry, "defaults", "agency", 1000, 1000);
		limits(registry, "services.limited", "anonymous", 1, 2);
		limits(registry, "services.limited", "signed-in", 1, 3);
		limits(registry, "services.limited", "agency", 1, 6);
		registry.add("bawaba.hardening.max-body-sizes.limited", () -> "1KB");
		registry.add("bawaba.hardening.cors.allowed-origins", () -> PORTAL_ORIGIN);
	}

	/**
	 * A gateway of a test's own, not this shared one: no registry, no Kafka, one service {@code hello}, tokens checked
	 * against the JWKS at {@code jwkSetUri}, and Redis keys of its own under {@code name}.
	 */
	static void standalone(DynamicPropertyRegistry registry, String name, java.util.function.Supplier<Object> jwkSetUri) {
		registry.add("eureka.client.enabled", () -> "false");
		registry.add("bawaba.usage.enabled", () -> "false");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri);
		service(registry, "hello", TestBackends.url(TestBackends.HELLO));
		registry.add("bawaba.routing.services", () -> "hello");
		registry.add("bawaba.rate-limit.key-prefix", () -> RUN + "-" + name);
		registry.add("spring.session.data.redis.namespace", () -> RUN + "-" + name + ":session");
	}

	private static void agencyService(DynamicPropertyRegistry registry, String serviceId, String agency,
			String publicPath, TestBackends.Server backend) {
		service(registry, serviceId, TestBackends.url(backend));
		String metadata = "spring.cloud.discovery.client.simple.instances." + serviceId + "[0].metadata.";
		registry.add(metadata + "agency", () -> agency);
		registry.add(metadata + "public-path", () -> publicPath);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestServices {

		@Bean
		LateRegistrations lateRegistrations() {
			return new LateRegistrations();
		}

		/** A bug in the gateway itself: an endpoint of its own that fails unexpectedly. */
		@Bean
		RouterFunction<ServerResponse> failingEndpoint() {
			return RouterFunctions.route(RequestPredicates.GET(FAILING_PATH), request -> {
				throw new IllegalStateException("a bug, with secret internals");
			});
		}

	}

	private static void limits(DynamicPropertyRegistry registry, String where, String kind, int rate, int burst) {
		String prefix = "bawaba.rate-limit." + where + "." + kind;
		registry.add(prefix + ".replenish-rate", () -> rate);
		registry.add(prefix + ".burst-capacity", () -> burst);
	}

	private static void service(DynamicPropertyRegistry registry, String serviceId, String url) {
		registry.add("spring.cloud.discovery.client.simple.instances." + serviceId + "[0].uri", () -> url);
	}

}
