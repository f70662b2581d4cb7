package org.bawaba.gateway.security;

import org.bawaba.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 and 403 as problem details, and 503 when a bearer token cannot be checked because the
 * sign-on is unavailable. Spring Security's bearer-token handlers still compute the
 * {@code WWW-Authenticate} header (RFC 6750); only the empty body they would send is replaced.
 */
final class ProblemSecurityHandlers
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

	static final String SIGN_ON_UNAVAILABLE = "The Bawaba sign-on is unavailable, so the bearer token cannot be checked right now; try again later.";

	private final BearerTokenServerAuthenticationEntryPoint entryPoint = new BearerTokenServerAuthenticationEntryPoint();

	private final BearerTokenServerAccessDeniedHandler accessDenied = new BearerTokenServerAccessDeniedHandler();

	private final ProblemResponses problems;

	ProblemSecurityHandlers(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			// not the caller's fault: the token could not be checked (the sign-on's keys cannot be fetched)
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, SIGN_ON_UNAVAILABLE);
		}
		String detail = (ex instanceof OAuth2AuthenticationException)
				? "The bearer token is invalid, expired or not issued by the Bawaba sign-on."
				: "Authentication is required to access this resource.";
		return this.entryPoint.commence(headersOnly(exchange), ex)
			.then(this.problems.write(exchange, HttpStatus.UNAUTHORIZED, detail));
	}

	/**
	 * A bearer token that failed authentication. Spring Security's default would rethrow an
	 * {@link AuthenticationServiceException} (the token could not be checked at all), and the
	 * OAuth2 login filter further up the chain would turn it into a redirect to a login page;
	 * here it becomes a 503 problem, and every other failure a 401.
	 */
	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException ex) {
		return commence(exchange.getExchange(), ex);
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
