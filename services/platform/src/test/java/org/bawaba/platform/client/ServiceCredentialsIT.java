package org.bawaba.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service calling another as itself: a client-credentials token from the realm's token endpoint
 * (here a local stand-in of Keycloak's endpoint), cached while valid, outside any HTTP request
 * (as from a Kafka listener or a scheduled job).
 */
@SpringBootTest(classes = ServiceCredentialsIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=credentials-test",
				"spring.security.oauth2.client.registration.bawaba.client-id=eservices",
				"spring.security.oauth2.client.registration.bawaba.client-secret=local-test-secret",
				"spring.security.oauth2.client.registration.bawaba.authorization-grant-type=client_credentials",
				"spring.security.oauth2.client.registration.bawaba.provider=realm" })
@DirtiesContext
class ServiceCredentialsIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_platform_credentials_test");

	static final List<String> tokenRequests = new CopyOnWriteArrayList<>();

	static final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();

	static final List<String> serviceAuthorizations = new CopyOnWriteArrayList<>();

	static final TestHttpServer server = TestHttpServer.create()
		.answer("/token", exchange -> {
			tokenRequests.add(TestHttpServer.requestBody(exchange));
			tokenAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			return new TestHttpServer.Answer(200, "application/json",
					"{\"access_token\":\"service-token-1\",\"token_type\":\"Bearer\",\"expires_in\":300}");
		})
		.answer("/", exchange -> {
			serviceAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			return new TestHttpServer.Answer(200, null, "ok");
		})
		.start();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String base = server.baseUrl();
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.security.oauth2.client.provider.realm.token-uri", () -> base + "/token");
		registry.add("spring.cloud.discovery.client.simple.instances.registry-of-births[0].uri", () -> base);
	}

	@Autowired
	ServiceClients clients;

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Test
	void callsWithItsOwnClientCredentialsTokenFetchedOnceAndReused() {
		var client = clients.withServiceCredentials("registry-of-births");

		assertThat(client.get().uri("/births/1").retrieve().body(String.class)).isEqualTo("ok");
		assertThat(client.get().uri("/births/2").retrieve().body(String.class)).isEqualTo("ok");

		assertThat(serviceAuthorizations).containsExactly("Bearer service-token-1", "Bearer service-token-1");
		assertThat(tokenRequests).hasSize(1);
		assertThat(tokenRequests.get(0)).contains("grant_type=client_credentials");
		String basic = java.util.Base64.getEncoder()
			.encodeToString("eservices:local-test-secret".getBytes(StandardCharsets.UTF_8));
		assertThat(tokenAuthorizations).containsExactly("Basic " + basic);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
