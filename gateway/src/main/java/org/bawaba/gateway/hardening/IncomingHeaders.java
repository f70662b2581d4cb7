package org.bawaba.gateway.hardening;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps, before anything reads them, only the request headers a caller may send: those that go on
 * to the services ({@code bawaba.hardening.request-headers.forwarded}) and those the gateway reads
 * itself ({@code gateway-only}: the session cookie, the CSRF token, CORS). Everything else is
 * removed, whatever its name: {@code X-Forwarded-*}, {@code Forwarded} and {@code X-Real-IP} (the
 * gateway computes forwarding headers itself, from the connection), identity-looking headers
 * ({@code X-Principal}, {@code X-Tenant}, {@code X-Api-Key}, …), headers the gateway sets for a
 * service ({@code X-Bawaba-Csrf}), and headers a {@code Connection} header names as hop-by-hop. An
 * {@code Authorization} header stays only as one {@code Bearer} token, the only kind the gateway
 * checks; {@link ForwardedHeaders} then decides what reaches a service.
 */
final class IncomingHeaders implements WebFilter, Ordered {

	private final HeaderNames allowed;

	IncomingHeaders(HardeningProperties properties) {
		List<String> names = new ArrayList<>(properties.requestHeaders().forwarded());
		names.addAll(properties.requestHeaders().gatewayOnly());
		this.allowed = new HeaderNames(names);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		List<String> strip = new ArrayList<>();
		for (String name : headers.headerNames()) {
			if (!this.allowed.contains(name)) {
				strip.add(name);
			}
		}
		for (String connection : headers.getOrEmpty(HttpHeaders.CONNECTION)) {
			for (String token : connection.split(",")) {
				String name = token.trim();
				if (!name.isEmpty() && !name.equalsIgnoreCase("close") && !name.equalsIgnoreCase("keep-alive")
						&& !name.equalsIgnoreCase("upgrade") && headers.containsHeader(name)) {
					strip.add(name);
				}
			}
		}
		List<String> authorization = headers.getOrEmpty(HttpHeaders.AUTHORIZATION);
		boolean oneBearer = authorization.size() == 1 && isBearer(authorization.get(0));
		if (strip.isEmpty() && (authorization.isEmpty() || oneBearer)) {
			return chain.filter(exchange);
		}
		ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> {
			strip.forEach(h::remove);
			if (!authorization.isEmpty() && !oneBearer) {
				h.remove(HttpHeaders.AUTHORIZATION);
				if (isBearer(authorization.get(0))) {
					h.set(HttpHeaders.AUTHORIZATION, authorization.get(0));
				}
			}
		}).build();
		return chain.filter(exchange.mutate().request(request).build());
	}

	private static boolean isBearer(String authorization) {
		return authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
