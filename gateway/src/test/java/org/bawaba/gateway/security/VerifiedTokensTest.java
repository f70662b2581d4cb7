package org.bawaba.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.bawaba.gateway.TestTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link VerifiedTokens} in front of a real Nimbus decoder checking signatures and time. */
class VerifiedTokensTest {

	private final Instant start = Instant.parse("2026-12-06T10:00:00Z");

	private final MovableClock clock = new MovableClock(this.start);

	private final JwtTimestampValidator inTime = new JwtTimestampValidator(Duration.ofSeconds(10));

	private final AtomicInteger fullChecks = new AtomicInteger();

	private final VerifiedTokens tokens;

	VerifiedTokensTest() throws JOSEException {
		this.inTime.setClock(this.clock);
		NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(TestTokens.SIGN_ON.toRSAPublicKey()).build();
		nimbus.setJwtValidator(this.inTime);
		ReactiveJwtDecoder counted = token -> Mono.defer(() -> {
			this.fullChecks.incrementAndGet();
			return nimbus.decode(token);
		});
		this.tokens = new VerifiedTokens(counted, this.inTime, 100, Duration.ofMinutes(1));
	}

	@Test
	void aTokenSeenAgainIsNotVerifiedAgain() {
		String token = sign(TestTokens.SIGN_ON, "amina", this.start.plusSeconds(300));

		Jwt first = this.tokens.decode(token).block();
		Jwt second = this.tokens.decode(token).block();

		assertThat(first.getSubject()).isEqualTo("amina");
		assertThat(second.getSubject()).isEqualTo("amina");
		assertThat(this.fullChecks).hasValue(1);
		assertThat(this.tokens.size()).isEqualTo(1);
	}

	@Test
	void aRememberedTokenThatRanOutIsRefusedAndForgotten() {
		String token = sign(TestTokens.SIGN_ON, "amina", this.start.plusSeconds(30));
		assertThat(this.tokens.decode(token).block().getSubject()).isEqualTo("amina");

		this.clock.now = this.start.plusSeconds(41); // past expiry and the 10 s skew

		assertThatThrownBy(() -> this.tokens.decode(token).block()).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
		assertThat(this.fullChecks).hasValue(2);
		assertThat(this.tokens.size()).isZero();
	}

	@Test
	void aRefusedTokenIsNeverRemembered() {
		String forged = sign(TestTokens.FORGER, "amina", this.start.plusSeconds(300));

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> this.tokens.decode(forged).block()).isInstanceOf(BadJwtException.class);
		}
		assertThat(this.fullChecks).hasValue(2);
		assertThat(this.tokens.size()).isZero();
	}

	@Test
	void tokensAreRememberedWhole() {
		String token = sign(TestTokens.SIGN_ON, "amina", this.start.plusSeconds(300));
		this.tokens.decode(token).block();
		// the same header and claims with one character of the signature changed (not the last,
		// whose low bits are padding)
		int at = token.length() - 10;
		String altered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

		assertThatThrownBy(() -> this.tokens.decode(altered).block()).isInstanceOf(BadJwtException.class);
		assertThat(this.fullChecks).hasValue(2);
	}

	private static String sign(RSAKey key, String subject, Instant expires) {
		return TestTokens.sign(new JWTClaimsSet.Builder().subject(subject)
			.issueTime(Date.from(expires.minusSeconds(300)))
			.expirationTime(Date.from(expires)), key);
	}

	private static final class MovableClock extends Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
