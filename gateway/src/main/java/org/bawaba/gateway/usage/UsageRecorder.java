package org.bawaba.gateway.usage;

import org.bawaba.contracts.gateway.UsageRecordedV1;
import org.bawaba.contracts.gateway.UsageRecordedV1.CallerKind;


import org.bawaba.gateway.caller.Caller;
import org.bawaba.gateway.routing.RoutedService;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Produces one {@link UsageRecordedV1} per request, when its answer starts (so the errors the gateway
 * writes itself, 401, 404, 429 or 503, are counted too), and leaves it with the
 * {@link UsagePublisher}. Runs first, so the latency covers everything the gateway does. Health
 * probes ({@code /actuator/**}) are not counted.
 */
final class UsageRecorder implements WebFilter, Ordered {

	private final UsagePublisher publisher;

	UsageRecorder(UsagePublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		long started = System.nanoTime();
		exchange.getResponse().beforeCommit(() -> {
			this.publisher.offer(record(exchange, (System.nanoTime() - started) / 1_000_000));
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	static UsageRecordedV1 record(ServerWebExchange exchange, long latencyMs) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String service = RoutedService.of(exchange).orElse(null);
		String agency = null;
		if (route != null && route.getMetadata().get("agency") instanceof String owner && !owner.isBlank()) {
			agency = owner;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		CallerKind caller = Caller.of(exchange)
			.map(c -> CallerKind.valueOf(c.kind().name()))
			.orElse(CallerKind.ANONYMOUS);
		return new UsageRecordedV1((route != null) ? route.getId() : null, service, agency,
				exchange.getRequest().getMethod().name(), (status != null) ? status.value() : 200, latencyMs, caller);
	}

}
