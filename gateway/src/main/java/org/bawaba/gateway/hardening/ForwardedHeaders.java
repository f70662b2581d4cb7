package org.bawaba.gateway.hardening;

import java.util.ArrayList;
import java.util.List;

import org.bawaba.gateway.routing.PortalRoute;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request headers a service receives, by allow-list: those of
 * {@code bawaba.hardening.request-headers.forwarded} (standard headers a service needs, the
 * correlation and trace ids, signatures of providers' callbacks) and those the gateway itself sets
 * for it ({@link #SET_BY_THE_GATEWAY}: the {@code X-Forwarded-*} and {@code Forwarded} headers it
 * computes when a trusted proxy is configured, the portal's CSRF token). {@code Authorization} goes
 * only as the one bearer token the gateway has checked, or the browser session's token it relays.
 * Every other header, the session cookie included, stays at the gateway. Runs after Spring Cloud
 * Gateway's own header filters, on every route.
 */
final class ForwardedHeaders implements HttpHeadersFilter, Ordered {

	/** Headers the gateway computes itself; any a caller sent were removed by {@link IncomingHeaders}. */
	static final List<String> SET_BY_THE_GATEWAY = List.of("x-forwarded-*", "forwarded", PortalRoute.CSRF_HEADER);

	private final HeaderNames allowed;

	ForwardedHeaders(HardeningProperties properties) {
		List<String> names = new ArrayList<>(properties.requestHeaders().forwarded());
		names.addAll(SET_BY_THE_GATEWAY);
		this.allowed = new HeaderNames(names);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders forwarded = new HttpHeaders();
		input.forEach((name, values) -> {
			if (this.allowed.contains(name)) {
				forwarded.addAll(name, values);
			}
		});
		List<String> authorization = forwarded.getOrEmpty(HttpHeaders.AUTHORIZATION);
		if (authorization.size() > 1) {
			forwarded.set(HttpHeaders.AUTHORIZATION, authorization.get(0));
		}
		return forwarded;
	}

}
