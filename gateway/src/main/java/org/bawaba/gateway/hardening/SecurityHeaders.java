package org.bawaba.gateway.hardening;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Security headers on every answer, the services' included: {@code Strict-Transport-Security}
 * (browsers honour it only over HTTPS, which terminates in front of the gateway),
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and a referrer policy;
 * and a {@code Content-Security-Policy} on the pages the gateway serves itself (the portal, the
 * API catalogue, sign-in), everything outside {@code /api/}. Written just before the answer is
 * sent, so they replace what a service may have set, except a service's own CSP.
 */
final class SecurityHeaders implements WebFilter, Ordered {

	private final HardeningProperties properties;

	SecurityHeaders(HardeningProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			if (this.properties.strictTransportSecurity() != null && !this.properties.strictTransportSecurity().isBlank()) {
				headers.set("Strict-Transport-Security", this.properties.strictTransportSecurity());
			}
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("X-Frame-Options", "DENY");
			headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
			String csp = this.properties.portalContentSecurityPolicy();
			if (csp != null && !csp.isBlank() && !exchange.getRequest().getPath().value().startsWith("/api/")
					&& !headers.containsHeader("Content-Security-Policy")) {
				headers.set("Content-Security-Policy", csp);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
