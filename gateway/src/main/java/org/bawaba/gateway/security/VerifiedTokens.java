package org.bawaba.gateway.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens that passed the full check (signature, issuer, expiry) for a short while, so a
 * client sending the same token again is not verified with RSA and parsed again on every request
 * (about a tenth of the gateway's CPU under load).
 * <p>
 * This accepts nothing the full check would refuse: the gateway's check is stateless (it asks
 * Keycloak nothing per token, and the signing keys are cached until an unknown key id appears), so
 * a token that verified a moment ago verifies now, except for time. Time is checked again on every
 * use, and a remembered token whose time has run out is handed to the full check, which refuses it
 * with its usual error. Only tokens that passed are remembered, keyed by the whole token (never a
 * hash of it); a bounded number, each at most {@code ttl}.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> stillValid;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> stillValid, long maximumSize, Duration ttl) {
		this.decoder = decoder;
		this.stillValid = stillValid;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl).build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null) {
			if (!this.stillValid.validate(known).hasErrors()) {
				return Mono.just(known);
			}
			this.verified.invalidate(token);
		}
		return this.decoder.decode(token).doOnNext(jwt -> this.verified.put(token, jwt));
	}

	/** How many tokens are remembered now (for tests). */
	long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

}
