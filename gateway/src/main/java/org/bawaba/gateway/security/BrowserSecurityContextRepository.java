package org.bawaba.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Security contexts of browsers live in their web session (so in Redis); requests with a bearer
 * token have none. A bearer request is authenticated from its token alone, every time: loading a
 * session for it would only cost a session lookup (or, without a cookie, a new session object),
 * and saving one would hand an API client a cookie it must never use.
 */
final class BrowserSecurityContextRepository implements ServerSecurityContextRepository {

	private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return hasBearerToken(exchange) ? Mono.empty() : this.sessions.save(exchange, context);
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return hasBearerToken(exchange) ? Mono.empty() : this.sessions.load(exchange);
	}

	/** An {@code Authorization: Bearer …} header, as the resource server reads it. */
	static boolean hasBearerToken(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
