package org.bawaba.gateway.session;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpCookie;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives a signed-in browser its {@code XSRF-TOKEN} cookie. Spring Security creates the CSRF token
 * only when something asks for it; a browser page reads it from this cookie and sends it back in
 * {@code X-XSRF-TOKEN} on every POST, PUT, PATCH or DELETE (sign-out included). Requests without a
 * session cookie (API clients with bearer tokens) get none: they need none.
 */
@Component
@Order(-40)
public class CsrfCookie implements WebFilter {

	/** The session cookie's name (Spring's default). */
	public static final String SESSION_COOKIE = "SESSION";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpCookie session = exchange.getRequest().getCookies().getFirst(SESSION_COOKIE);
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (session == null || token == null) {
			return chain.filter(exchange);
		}
		return token.then(chain.filter(exchange));
	}

}
