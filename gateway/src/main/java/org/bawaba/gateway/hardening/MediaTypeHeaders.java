package org.bawaba.gateway.hardening;

import org.bawaba.gateway.problem.ProblemResponses;
import org.bawaba.gateway.problem.ProblemType;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, before anything reads them, media-type headers that cannot be parsed: a
 * {@code Content-Type} that is not a media type or names an unknown charset
 * ({@code application/json; charset=x-nope}) gets 415, an {@code Accept} that is not a list of media
 * types gets 400. Read later by the gateway (or a service), they would fail as a 500.
 */
final class MediaTypeHeaders implements WebFilter, Ordered {

	private final ProblemResponses problems;

	MediaTypeHeaders(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 40;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		for (String contentType : headers.getOrEmpty(HttpHeaders.CONTENT_TYPE)) {
			if (!parses(contentType, false)) {
				return this.problems.write(exchange, ProblemType.INVALID_CONTENT_TYPE);
			}
		}
		for (String accept : headers.getOrEmpty(HttpHeaders.ACCEPT)) {
			if (!parses(accept, true)) {
				return this.problems.write(exchange, ProblemType.INVALID_ACCEPT);
			}
		}
		return chain.filter(exchange);
	}

	private static boolean parses(String value, boolean list) {
		try {
			if (list) {
				MediaType.parseMediaTypes(value);
			}
			else {
				MediaType.parseMediaType(value);
			}
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
