package org.bawaba.gateway.security;

import org.bawaba.gateway.problem.ProblemResponses;
import org.bawaba.gateway.problem.ProblemType;
import reactor.core.publisher.Mono;

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
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 and 403 (a CSRF token missing included) as problem details in the caller's language, and 503
 * when a bearer token cannot be checked because the sign-on is unavailable. Spring Security's
 * bearer-token handlers still compute the {@code WWW-Authenticate} header (RFC 6750); only the
 * empty body they would send is replaced.
 */
final class ProblemSecurityHandlers
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

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
			return this.problems.write(exchange, ProblemType.SIGN_ON_UNAVAILABLE);
		}
		ProblemType type = (ex instanceof OAuth2AuthenticationException) ? ProblemType.INVALID_TOKEN
				: ProblemType.UNAUTHORIZED;
		return this.entryPoint.commence(headersOnly(exchange), ex).then(this.problems.write(exchange, type));
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
		ProblemType type = (ex instanceof CsrfException) ? ProblemType.CSRF_TOKEN : ProblemType.FORBIDDEN;
		return this.accessDenied.handle(headersOnly(exchange), ex).then(this.problems.write(exchange, type));
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
