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
@AutoConfigureWebTestClient
@Import(GatewayTestSupport.TestServices.class)
abstract class GatewayTestSupport {

	/** A browser origin the gateway is configured to allow. */
	static final String PORTAL_ORIGIN = "https://portal.bawaba.test";

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
		service(registry, "registry", TestBackends.url(TestBackends.HELLO));
		service(registry, "ministry-of-health", TestBackends.url(TestBackends.HELLO));
		registry.add("spring.cloud.discovery.client.simple.instances.ministry-of-health[0].metadata.agency",
				() -> "moh");
		// agencies' own services, and the auth service's directory of onboarded agencies
		service(registry, "auth", TestBackends.url(TestBackends.AGENCIES));
		agencyService(registry, "mosd-allowance", "mosd", "allowance");
		agencyService(registry, "rogue-service", "rogue", "anything");
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

	private static void agencyService(DynamicPropertyRegistry registry, String serviceId, String agency,
			String publicPath) {
		service(registry, serviceId, TestBackends.url(TestBackends.HELLO));
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
