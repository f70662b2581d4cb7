package org.bawaba.gateway.caller;

import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who sent a request, as far as limits and usage statistics need to know: the kind of caller and
 * the key its rate limits are counted under. Resolved once per request by {@link CallerResolver}.
 *
 * @param kind anonymous, a signed-in person, or an onboarded agency's client
 * @param key what the caller's limits are counted under: {@code ip:<address>},
 * {@code sub:<subject>} or {@code client:<client id>}; never published
 */
public record Caller(Kind kind, String key) {

	static final String ATTRIBUTE = Caller.class.getName();

	/** The kinds of caller that get limits of their own. */
	public enum Kind {

		/** No token and no session: counted per client IP address. */
		ANONYMOUS,

		/** A person signed in through the Bawaba sign-on (bearer token or browser session). */
		SIGNED_IN,

		/** An onboarded agency's system: a token with an {@code agency} claim from a client of its own. */
		AGENCY_CLIENT

	}

	/** The caller of a request, once {@link CallerResolver} has run; empty before. */
	public static Optional<Caller> of(ServerWebExchange exchange) {
		return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
	}

}
