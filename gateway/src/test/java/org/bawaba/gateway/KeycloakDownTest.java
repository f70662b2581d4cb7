package org.bawaba.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak down after the gateway has its keys (docs/RELIABILITY.md): tokens the realm issued before keep
 * working, whoever holds them, because the gateway keeps the realm's keys in memory and asks again only for a
 * key id it does not know; a token it cannot check is a 503, never let through. Its own sign-on, stopped half-way;
 * the gateway's memory of tokens it checked already is off, so that each call checks its token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class KeycloakDownTest {

	static final AtomicInteger FETCHES = new AtomicInteger();

	static final HttpServer SIGN_ON = signOn();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void ownSignOn(DynamicPropertyRegistry registry) {
		GatewayTestSupport.standalone(registry, "keycloak-down", () -> "http://127.0.0.1:"
				+ SIGN_ON.getAddress().getPort() + "/realms/bawaba/protocol/openid-connect/certs");
		registry.add("bawaba.security.verified-tokens.maximum-size", () -> "0");
	}

	@Test
	void tokensIssuedBeforeKeepWorkingWhileTheSignOnIsDown() {
		call(TestTokens.sign(TestTokens.citizen())).expectStatus().isOk();
		assertThat(FETCHES.get()).as("the realm's keys, fetched once").isEqualTo(1);

		SIGN_ON.stop(0);
		// another holder's token, signed by the same realm key before the outage: checked with the kept key
		call(TestTokens.sign(TestTokens.person("a8d3c1e0-5b7f-4c2a-9e61-0f4d2b8c7a35"))).expectStatus().isOk();
		call(TestTokens.sign(TestTokens.citizen())).expectStatus().isOk();
		assertThat(FETCHES.get()).isEqualTo(1);
		// a token it cannot check (a key it does not hold, and the sign-on cannot be asked): never let through
		call(TestTokens.sign(TestTokens.citizen(), TestTokens.FORGER)).expectStatus()
			.value(status -> assertThat(status).isIn(HttpStatus.UNAUTHORIZED.value(),
					HttpStatus.SERVICE_UNAVAILABLE.value()));
	}

	private WebTestClient.ResponseSpec call(String token) {
		return this.client.get().uri("/api/hello/x").headers(headers -> headers.setBearerAuth(token)).exchange();
	}

	@AfterAll
	static void stopTheSignOn() {
		SIGN_ON.stop(0);
	}

	private static HttpServer signOn() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/realms/bawaba/protocol/openid-connect/certs", exchange -> {
				FETCHES.incrementAndGet();
				byte[] body = TestTokens.jwks().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
