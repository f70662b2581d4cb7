package org.bawaba.gateway.security;

import java.time.Duration;
import java.util.Collection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The token decoder: keys from the realm's JWKS (kept in memory, fetched again only for an
 * unknown key id, so issued tokens keep working while Keycloak restarts), the issuer checked, the
 * audience checked ({@code aud} must contain {@code bawaba.security.audience}, {@code bawaba-api}:
 * a token the realm issued for another client or purpose is refused), and expiry checked with a
 * small clock skew ({@code bawaba.security.clock-skew}, 10 s) instead of Spring Security's 60 s,
 * so an expired token stops working promptly. When the keys cannot be
 * fetched, the request is answered 503 (the sign-on is unavailable), not 401 or 500. Tokens that
 * passed are remembered for a while ({@link VerifiedTokens}, {@code bawaba.security.verified-tokens.*};
 * a maximum size of 0 turns that off).
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfiguration {

	@Bean
	ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties,
			@Value("${bawaba.security.clock-skew:10s}") Duration clockSkew,
			@Value("${bawaba.security.audience:bawaba-api}") String audience,
			@Value("${bawaba.security.verified-tokens.maximum-size:10000}") long verifiedTokens,
			@Value("${bawaba.security.verified-tokens.ttl:60s}") Duration verifiedTokensTtl) {
		var jwt = properties.getJwt();
		NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
		JwtTimestampValidator inTime = new JwtTimestampValidator(clockSkew);
		nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(inTime, new JwtIssuerValidator(jwt.getIssuerUri()),
				audience(audience)));
		ReactiveJwtDecoder decoder = token -> nimbus.decode(token)
			.onErrorMap(ex -> !(ex instanceof JwtException), SignOnUnavailableException::new);
		return (verifiedTokens > 0) ? new VerifiedTokens(decoder, inTime, verifiedTokens, verifiedTokensTtl) : decoder;
	}

	/** The token's {@code aud} (one value or a list) contains {@code audience}. */
	static OAuth2TokenValidator<Jwt> audience(String audience) {
		return new JwtClaimValidator<Object>(JwtClaimNames.AUD,
				aud -> (aud instanceof Collection<?> values) ? values.contains(audience) : audience.equals(aud));
	}

	/**
	 * The token could not be checked because the realm's keys could not be fetched (Keycloak down,
	 * unreachable, or answering without a JWKS). Not the caller's fault: Spring Security turns it
	 * into an {@code AuthenticationServiceException}, answered with 503 (see
	 * {@code ProblemErrorHandler}), not 401 and not 500.
	 */
	static final class SignOnUnavailableException extends JwtException {

		SignOnUnavailableException(Throwable cause) {
			super("The signing keys of the sign-on could not be obtained: " + cause.getMessage(), cause);
		}

	}

}
