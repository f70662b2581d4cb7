package org.bawaba.gateway;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

	@Value("${local.server.port}")
	int port;

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
			.contains("redirect_uri=" + PUBLIC_URL + "/login/oauth2/code/keycloak&");
		ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		assertThat(this.redis.hasKey(RUN + ":session:sessions:" + session.getValue()).block()).isTrue();
	}

	@Test
	void theSignInRedirectComesFromThePublicUrlWhateverHostTheRequestNames() {
		RawHttp.Response response = RawHttp.send(this.port, "GET", "/oauth2/authorization/keycloak?lang=ar", null,
				"Host: evil.example", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: http",
				"Forwarded: host=evil.example;proto=http");
		assertThat(response.status()).isEqualTo(302);
		String location = URLDecoder.decode(response.header("Location"), StandardCharsets.UTF_8);
		assertThat(location).startsWith(TestTokens.ISSUER + "/protocol/openid-connect/auth?")
			.contains("redirect_uri=" + PUBLIC_URL + "/login/oauth2/code/keycloak&")
			.doesNotContain("evil.example");
	}

	@Test
	void aBrowserThatSignedStaffInIsAskedForAFreshSignInNextTime() {
		URI citizens = this.client.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectStatus().isFound().expectBody().returnResult().getResponseHeaders().getLocation();
		assertThat(citizens.toString()).doesNotContain("prompt=");
		URI staff = this.client.get().uri("/oauth2/authorization/keycloak?lang=ar").cookie("BAWABA_STAFF", "1").exchange()
			.expectStatus().isFound().expectBody().returnResult().getResponseHeaders().getLocation();
		assertThat(staff.toString()).contains("prompt=login").contains("ui_locales=ar");
	}

	@Test
	void aStateChangeRidingOnTheSessionCookieAloneIsRefused() {
		String session = this.client.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectBody().returnResult().getResponseCookies().getFirst("SESSION").getValue();
		String path = "/csrf-" + UUID.randomUUID();

		this.client.post().uri("/api/hello" + path).cookie("SESSION", session).header("Accept-Language", "ar")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/forbidden")
			.jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("X-XSRF-TOKEN"))
			.jsonPath("$.title").isEqualTo("غير مسموح");
		assertThat(TestBackends.HELLO.received()).noneMatch(received -> received.path().equals(path));

		// an API client with a bearer token is not a browser: no CSRF token needed, no cookie forwarded
		this.client.post().uri("/api/hello" + path).cookie("SESSION", session)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.sign(TestTokens.citizen()))
			.exchange()
			.expectStatus().isOk();
		assertThat(TestBackends.HELLO.headers(path)).doesNotContainKey("cookie");
	}

	@Test
	void bearerApiRequestsCreateNoSessionAndLeaveBrowserSessionsAlone() throws InterruptedException {
		String token = TestTokens.sign(TestTokens.citizen());
		List<String> before = sessionKeys();

		this.client.get().uri("/api/hello/stateless").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		this.client.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		this.client.post().uri("/api/hello/stateless").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		assertThat(sessionKeys()).isEqualTo(before);

		// a browser's session cookie sent along with a bearer token: the token decides, and the
		// session is neither read nor touched (its last access stays as it was)
		String session = this.client.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectBody().returnResult().getResponseCookies().getFirst("SESSION").getValue();
		String key = RUN + ":session:sessions:" + session;
		// settled: the save of the sign-in redirect's session may land just after the client has the answer
		Object lastAccess = null;
		Object settled = this.redis.opsForHash().get(key, "lastAccessedTime").block();
		long settling = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		while ((settled == null || !settled.equals(lastAccess)) && System.nanoTime() < settling) {
			lastAccess = settled;
			Thread.sleep(200);
			settled = this.redis.opsForHash().get(key, "lastAccessedTime").block();
		}
		assertThat(lastAccess).isNotNull();
		EntityExchangeResult<byte[]> withCookie = this.client.get().uri("/api/hello/stateless")
			.cookie("SESSION", session)
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus().isOk()
			.expectBody().returnResult();
		assertThat(withCookie.getResponseCookies()).doesNotContainKey("SESSION");
		Thread.sleep(300); // a save would land by now (see above)
		assertThat(this.redis.opsForHash().get(key, "lastAccessedTime").block()).isEqualTo(lastAccess);
	}

	private List<String> sessionKeys() {
		return this.redis.keys(RUN + ":session:*").sort().collectList().block();
	}

}
