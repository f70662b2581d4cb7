package org.bawaba.gateway;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sign-in starts at the gateway (authorization code with PKCE at the sign-on), the session
 * lives in Redis, and a session cookie alone cannot change anything without the CSRF token. The
 * whole sign-in, a gateway restart and sign-out are proven against the running suite by
 * {@code deploy/e2e}'s {@code BrowserSessionIT}.
 */
class SessionTest extends GatewayTestSupport {

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Test
	void signInRedirectsToTheSignOnWithPkceAndKeepsTheSessionInRedis() {
		EntityExchangeResult<Void> result = this.client.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectStatus().isFound()
			.expectBody().isEmpty();

		URI location = result.getResponseHeaders().getLocation();
		assertThat(location.toString()).startsWith(TestTokens.ISSUER + "/protocol/openid-connect/auth?")
			.contains("client_id=gateway")
			.contains("code_challenge_method=S256")
			.contains("code_challenge=")
			.contains("scope=openid%20profile")
			.contains("redirect_uri=http://localhost:");
		ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		assertThat(this.redis.hasKey(RUN + ":session:sessions:" + session.getValue()).block()).isTrue();
	}

	@Test
	void aStateChangeRidingOnTheSessionCookieAloneIsRefused() {
		String session = this.client.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectBody().returnResult().getResponseCookies().getFirst("SESSION").getValue();
		String path = "/csrf-" + UUID.randomUUID();

		this.client.post().uri("/api/hello" + path).cookie("SESSION", session).exchange()
			.expectStatus().isForbidden();
		assertThat(TestBackends.HELLO.received()).noneMatch(received -> received.path().equals(path));

		// an API client with a bearer token is not a browser: no CSRF token needed, no cookie forwarded
		this.client.post().uri("/api/hello" + path).cookie("SESSION", session)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.sign(TestTokens.citizen()))
			.exchange()
			.expectStatus().isOk();
		assertThat(TestBackends.HELLO.headers(path)).doesNotContainKey("cookie");
	}

}
