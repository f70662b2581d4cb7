package org.bawaba.gateway.security;

import org.bawaba.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 and 403 as problem details. Spring Security's bearer-token handlers still compute the
 * {@code WWW-Authenticate} header (RFC 6750); only the empty body they would send is replaced.
 */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final BearerTokenServerAuthenticationEntryPoint entryPoint = new BearerTokenServerAuthenticationEntryPoint();

	private final BearerTokenServerAccessDeniedHandler accessDenied = new BearerTokenServerAccessDeniedHandler();

	private final ProblemResponses problems;

	ProblemSecurityHandlers(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		String detail = (ex instanceof OAuth2AuthenticationException)
				? "The bearer token is invalid, expired or not issued by the Bawaba sign-on."
				: "Authentication is required to access this resource.";
		return this.entryPoint.commence(headersOnly(exchange), ex)
			.then(this.problems.write(exchange, HttpStatus.UNAUTHORIZED, detail));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException ex) {
		return this.accessDenied.handle(headersOnly(exchange), ex)
			.then(this.problems.write(exchange, HttpStatus.FORBIDDEN,
					"You are not allowed to access this resource."));
	}

	/** The same exchange, except that completing its response does nothing. */
	private static ServerWebExchange headersOnly(ServerWebExchange exchange) {
		ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
			@Override
			public Mono<Void> setComplete() {
				return Mono.empty();
			}
		};
		return exchange.mutate().response(response).build();
	}

}
