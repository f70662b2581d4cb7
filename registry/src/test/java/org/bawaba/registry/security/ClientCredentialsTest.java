package org.bawaba.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bawaba.platform.test.TestHttpServer;
import org.bawaba.platform.test.TestHttpServer.Answer;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.client.RestClient;

/** Verifying a client's id and secret with Keycloak, and living through Keycloak's absence. */
class ClientCredentialsTest {

	final AtomicInteger asked = new AtomicInteger();

	final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "application/json",
			"{\"access_token\":\"" + TestTokens.token("sa", "moi", null, null, "agency-service") + "\"}"));

	final TestHttpServer keycloak = TestHttpServer.create().answer("/token", exchange -> {
		asked.incrementAndGet();
		return answer.get();
	}).start();

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));

	final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}
	};

	final ClientCredentials credentials = new ClientCredentials(RestClient.builder(), keycloak.baseUrl() + "/token",
			Duration.ofMinutes(10), clock);

	@AfterEach
	void stop() {
		keycloak.stop();
	}

	Authentication login(String secret) {
		return credentials.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("moi-identity", secret));
	}

	@Test
	void aVerifiedClientCarriesItsRolesAndAgencyAndIsNotAskedAboutAgainForAWhile() {
		Authentication first = login("s3cret");
		assertThat(first.getAuthorities()).extracting(Object::toString).contains("ROLE_agency-service");
		assertThat(first.getDetails()).isEqualTo(new RegistryClient("moi-identity", java.util.List.of("agency-service"), "moi"));
		login("s3cret");
		assertThat(asked).hasValue(1);
		now.set(now.get().plus(Duration.ofMinutes(11)));
		login("s3cret");
		assertThat(asked).hasValue(2);
	}

	@Test
	void whileKeycloakIsDownAClientVerifiedBeforeStaysAcceptedAndANewOneIsNot() {
		login("s3cret");
		answer.set(new Answer(503, "text/plain", "down"));
		now.set(now.get().plus(Duration.ofHours(2)));
		assertThat(login("s3cret").getName()).isEqualTo("moi-identity");
		assertThatThrownBy(() -> login("another")).isInstanceOf(AuthenticationServiceException.class);
	}

	@Test
	void aSecretKeycloakRefusesIsForgotten() {
		login("s3cret");
		answer.set(new Answer(401, "application/json", "{\"error\":\"invalid_client\"}"));
		now.set(now.get().plus(Duration.ofMinutes(11)));
		assertThatThrownBy(() -> login("s3cret")).isInstanceOf(BadCredentialsException.class);
		// and Keycloak going down afterwards does not bring it back
		answer.set(new Answer(503, "text/plain", "down"));
		assertThatThrownBy(() -> login("s3cret")).isInstanceOf(AuthenticationServiceException.class);
	}

}
