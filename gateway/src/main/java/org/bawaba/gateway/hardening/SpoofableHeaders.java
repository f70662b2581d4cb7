package org.bawaba.gateway.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Removes, before anything reads them, the request headers an outside caller must not set:
 * {@code X-Forwarded-*}, {@code Forwarded}, {@code X-Real-IP} and the like (the gateway adds
 * truthful {@code X-Forwarded-*} headers itself when it routes), any header that claims an identity
 * ({@code X-User-*}, {@code X-Bawaba-*}, …), and the headers a {@code Connection} header names as
 * hop-by-hop. Spring Cloud Gateway removes the standard hop-by-hop headers itself.
 */
final class SpoofableHeaders implements WebFilter, Ordered {

	private final List<String> names;

	private final List<String> prefixes;

	SpoofableHeaders(HardeningProperties properties) {
		this.names = properties.stripRequestHeaders().stream().map(SpoofableHeaders::lower).toList();
		this.prefixes = properties.stripRequestHeaderPrefixes().stream().map(SpoofableHeaders::lower).toList();
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
			if (isStripped(lower(name))) {
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
		if (strip.isEmpty()) {
			return chain.filter(exchange);
		}
		ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> strip.forEach(h::remove)).build();
		return chain.filter(exchange.mutate().request(request).build());
	}

	private boolean isStripped(String name) {
		if (this.names.contains(name)) {
			return true;
		}
		for (String prefix : this.prefixes) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
