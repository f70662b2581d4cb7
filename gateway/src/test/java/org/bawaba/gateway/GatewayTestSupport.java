package org.bawaba.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway on a random port, without Eureka and without Keycloak: services come from
 * Spring Cloud's simple discovery client and point at {@link TestBackends}; tokens are validated
 * against the JWKS of {@link TestTokens}. Every test class shares this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(GatewayTestSupport.TestServices.class)
abstract class GatewayTestSupport {

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void testEnvironment(DynamicPropertyRegistry registry) {
		registry.add("eureka.client.enabled", () -> "false");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> TestBackends.url(TestBackends.SIGN_ON) + "/realms/bawaba/protocol/openid-connect/certs");
		service(registry, "hello", TestBackends.url(TestBackends.HELLO));
		service(registry, "other", TestBackends.url(TestBackends.OTHER));
		service(registry, "slow", TestBackends.url(TestBackends.SLOW));
		service(registry, "down", "http://127.0.0.1:" + TestBackends.DOWN_PORT);
		service(registry, "registry", TestBackends.url(TestBackends.HELLO));
		service(registry, "ministry-of-health", TestBackends.url(TestBackends.HELLO));
		registry.add("spring.cloud.discovery.client.simple.instances.ministry-of-health[0].metadata.agency",
				() -> "moh");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestServices {

		@Bean
		LateRegistrations lateRegistrations() {
			return new LateRegistrations();
		}

	}

	private static void service(DynamicPropertyRegistry registry, String serviceId, String url) {
		registry.add("spring.cloud.discovery.client.simple.instances." + serviceId + "[0].uri", () -> url);
	}

}
