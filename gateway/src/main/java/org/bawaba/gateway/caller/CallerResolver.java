package org.bawaba.gateway.caller;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Collection;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Classifies every request once it has been authenticated (this filter runs after Spring
 * Security's, order -100):
 * <ul>
 * <li>a token with an {@code agency} claim, issued to a client ({@code azp}) that is not one of
 * the clients people sign in with ({@code bawaba.caller.user-clients}): an agency's system, keyed
 * by its client id;</li>
 * <li>any other valid token or browser session: a signed-in person, keyed by subject;</li>
 * <li>no token and no session: anonymous, keyed by the address the connection comes from (never
 * by an {@code X-Forwarded-For} header, which the gateway strips from outside requests).</li>
 * </ul>
 */
@Component
@Order(-50)
class CallerResolver implements WebFilter {

	private final Set<String> userClients;

	CallerResolver(@Value("${bawaba.caller.user-clients:gateway,bawaba-cli}") Set<String> userClients) {
		this.userClients = Set.copyOf(userClients);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return exchange.getPrincipal()
			.map(this::caller)
			.switchIfEmpty(Mono.fromSupplier(() -> anonymous(exchange)))
			.flatMap(caller -> {
				exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
				return chain.filter(exchange);
			});
	}

	Caller caller(Principal principal) {
		if (principal instanceof JwtAuthenticationToken token) {
			Jwt jwt = token.getToken();
			String client = text(jwt.getClaims().get("azp"));
			if (client == null) {
				client = text(jwt.getClaims().get("client_id"));
			}
			String agency = text(jwt.getClaims().get("agency"));
			if (agency != null && client != null && !this.userClients.contains(client)) {
				return new Caller(Caller.Kind.AGENCY_CLIENT, "client:" + client);
			}
			return new Caller(Caller.Kind.SIGNED_IN, "sub:" + jwt.getSubject());
		}
		if (principal instanceof OAuth2AuthenticationToken session) {
			return new Caller(Caller.Kind.SIGNED_IN, "sub:" + session.getName());
		}
		return new Caller(Caller.Kind.SIGNED_IN, "sub:" + principal.getName());
	}

	private static Caller anonymous(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		return new Caller(Caller.Kind.ANONYMOUS, "ip:" + address);
	}

	/** A single-valued claim; Keycloak may emit a user attribute as a one-element list. */
	private static String text(Object value) {
		if (value instanceof Collection<?> values) {
			value = values.isEmpty() ? null : values.iterator().next();
		}
		return (value == null || value.toString().isBlank()) ? null : value.toString();
	}

}
