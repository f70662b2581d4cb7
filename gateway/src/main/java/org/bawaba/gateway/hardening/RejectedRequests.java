package org.bawaba.gateway.hardening;

import org.bawaba.gateway.problem.ProblemResponses;
import org.bawaba.gateway.problem.ProblemType;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests Spring Security's firewall ({@code StrictServerWebExchangeFirewall}) refuses — a path
 * with {@code ..}, {@code //}, {@code ;}, an encoded slash, dot or percent sign, a backslash; a
 * method it does not know; a header that is not printable — as problems (400, or 405 for the
 * method) instead of an empty 400.
 */
final class RejectedRequests implements ServerExchangeRejectedHandler {

	private final ProblemResponses problems;

	RejectedRequests(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		// the firewall says what it refused only in its message
		String reason = String.valueOf(ex.getMessage());
		if (reason.contains("HTTP method")) {
			return this.problems.write(exchange, ProblemType.METHOD_NOT_ALLOWED, exchange.getRequest().getMethod().name());
		}
		return this.problems.write(exchange, reason.contains("URL") ? ProblemType.INVALID_PATH : ProblemType.BAD_REQUEST);
	}

}
