package org.bawaba.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

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
			.jsonPath("$.title").isEqualTo("Unauthorized")
			.jsonPath("$.status").isEqualTo(401)
			.jsonPath("$.detail").isNotEmpty()
			.jsonPath("$.instance").isEqualTo("/api/me");
	}

}
