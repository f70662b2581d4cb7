package org.bawaba.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/me} through the real JWT validation path: JWKS fetched over HTTP, signature,
 * expiry and issuer checked.
 */
class IdentityTest extends GatewayTestSupport {

	@Test
	void validTokenGivesTheCallersIdentity() {
		this.client.get()
			.uri("/api/me")
			.headers(headers -> headers.setBearerAuth(TestTokens.sign(TestTokens.citizen())))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.subject").isEqualTo("3f1c9a52-7e0b-4d1e-9c55-2a4b6f0e8d11")
			.jsonPath("$.username").isEqualTo("amina")
			.jsonPath("$.name").isEqualTo("Amina Al-Sayed")
			.jsonPath("$.national_id").isEqualTo("28412345678")
			.jsonPath("$.roles").value(List.class,
					roles -> assertThat(roles).containsExactlyInAnyOrder("citizen", "offline_access"))
			.jsonPath("$.locale").isEqualTo("ar")
			.jsonPath("$.agency").doesNotExist();
	}

	@Test
	void missingClaimsAreNullAndRolesEmpty() {
		var claims = TestTokens.citizen()
			.claim("national_id", null)
			.claim("realm_access", null)
			.claim("agency", List.of("moh"));
		this.client.get()
			.uri("/api/me")
			.headers(headers -> headers.setBearerAuth(TestTokens.sign(claims)))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.national_id").doesNotExist()
			.jsonPath("$.roles").isEmpty()
			.jsonPath("$.agency").isEqualTo("moh");
	}

	@Test
	void noTokenIsUnauthorized() {
		this.client.get()
			.uri("/api/me")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/unauthorized")
			.jsonPath("$.status").isEqualTo(401)
			.jsonPath("$.instance").isEqualTo("/api/me");
	}

	@Test
	void tokenSignedByAnotherKeyIsUnauthorized() {
		expectInvalidToken(TestTokens.sign(TestTokens.citizen(), TestTokens.FORGER));
	}

	@Test
	void expiredTokenIsUnauthorized() {
		Instant issued = Instant.now().minusSeconds(3600);
		expectInvalidToken(TestTokens.sign(TestTokens.citizen()
			.issueTime(Date.from(issued))
			.expirationTime(Date.from(issued.plusSeconds(300)))));
	}

	@Test
	void tokenExpiredHalfAMinuteAgoIsUnauthorizedThoughSpringsDefaultSkewWouldAllowIt() {
		Instant expired = Instant.now().minusSeconds(30);
		expectInvalidToken(TestTokens.sign(TestTokens.citizen()
			.issueTime(Date.from(expired.minusSeconds(300)))
			.expirationTime(Date.from(expired))));
	}

	@Test
	void aTokenThatWorkedStopsWorkingWhenItExpiresThoughTheGatewayRemembersIt() throws InterruptedException {
		// expired 8 s ago: within the 10 s skew now, outside it 2 s from now
		Instant expired = Instant.now().minusSeconds(8);
		String token = TestTokens.sign(TestTokens.citizen()
			.issueTime(Date.from(expired.minusSeconds(300)))
			.expirationTime(Date.from(expired)));
		this.client.get()
			.uri("/api/me")
			.headers(headers -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus().isOk();

		Thread.sleep(Math.max(0, Duration.between(Instant.now(), expired.plusSeconds(11)).toMillis()));

		expectInvalidToken(token);
	}

	@Test
	void tokenFromAnotherIssuerIsUnauthorized() {
		expectInvalidToken(TestTokens.sign(TestTokens.citizen().issuer("http://sign-on.test/realms/master")));
	}

	@Test
	void tokenForAnotherAudienceIsUnauthorized() {
		// issued by the same realm, signed with its key, for another client: not for the platform's APIs
		expectInvalidToken(TestTokens.sign(TestTokens.citizen().audience(List.of("account", "some-other-client"))));
		expectInvalidToken(TestTokens.sign(TestTokens.citizen().audience("some-other-client")));
		expectInvalidToken(TestTokens.sign(TestTokens.citizen().audience((String) null)));
		// the same token with the platform's audience, alone or as a single string, is accepted
		for (var token : List.of(TestTokens.sign(TestTokens.citizen().audience("bawaba-api")),
				TestTokens.sign(TestTokens.citizen().audience(List.of("bawaba-api"))))) {
			this.client.get().uri("/api/me").headers(headers -> headers.setBearerAuth(token)).exchange()
				.expectStatus().isOk();
		}
	}

	@Test
	void tokenForAnotherAudienceIsNotRoutedEither() {
		String path = "/audience-" + UUID.randomUUID();
		this.client.get()
			.uri("/api/hello" + path)
			.headers(headers -> headers.setBearerAuth(TestTokens.sign(TestTokens.citizen().audience("account"))))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(TestBackends.HELLO.received()).noneMatch(received -> received.path().equals(path));
	}

	@Test
	void garbageTokenIsUnauthorized() {
		expectInvalidToken("not-a-jwt");
	}

	private void expectInvalidToken(String token) {
		this.client.get()
			.uri("/api/me")
			.headers(headers -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
					value -> assertThat(value).startsWith("Bearer").contains("error=\"invalid_token\""))
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/unauthorized")
			.jsonPath("$.title").isEqualTo("Authentication required")
			.jsonPath("$.status").isEqualTo(401)
			.jsonPath("$.detail").isNotEmpty()
			.jsonPath("$.instance").isEqualTo("/api/me");
	}

}
