package org.bawaba.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bawaba.gateway.caller.Caller;
import org.bawaba.gateway.problem.ProblemResponses;
import org.bawaba.gateway.problem.ProblemType;
import org.bawaba.gateway.routing.RoutedService;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits every routed request with Spring Cloud Gateway's {@link RedisRateLimiter}: one token
 * bucket per service and caller (client IP when anonymous, subject when signed in, client id for
 * an agency's system), sized by {@link RateLimitProperties}. A request over the limit gets 429 as
 * a problem detail with {@code Retry-After}; it never reaches the service. Buckets live in Redis,
 * so every gateway instance counts against the same limits. If Redis fails, requests are let
 * through (the rate limiter logs it): limits protect the services, they must not become the
 * outage.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements GlobalFilter, Ordered {

	/** Before the per-service circuit breaker (route filters are ordered from 1). */
	static final int ORDER = -10;

	private final RedisRateLimiter rateLimiter;

	private final RateLimitProperties properties;

	private final ProblemResponses problems;

	private final Map<String, RateLimitProperties.Limit> limits = new ConcurrentHashMap<>();

	RateLimitFilter(RedisRateLimiter rateLimiter, RateLimitProperties properties, ProblemResponses problems) {
		this.rateLimiter = rateLimiter;
		this.properties = properties;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!this.properties.enabled()) {
			return chain.filter(exchange);
		}
		Caller caller = Caller.of(exchange).orElse(null);
		String service = service(exchange);
		if (caller == null || service == null) {
			return chain.filter(exchange);
		}
		String bucket = service + "/" + caller.kind().name().toLowerCase();
		RateLimitProperties.Limit limit = this.limits.computeIfAbsent(bucket, name -> register(name, service,
				caller.kind()));
		return this.rateLimiter.isAllowed(bucket, this.properties.keyPrefix() + ":" + caller.key())
			.flatMap(response -> {
				HttpHeaders headers = exchange.getResponse().getHeaders();
				response.getHeaders().forEach(headers::set);
				if (response.isAllowed()) {
					return chain.filter(exchange);
				}
				long retryAfter = limit.retryAfterSeconds();
				headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
				return this.problems.write(exchange, ProblemType.TOO_MANY_REQUESTS, service, retryAfter);
			});
	}

	/** Gives the shared rate limiter the bucket's size the first time the bucket is used. */
	private RateLimitProperties.Limit register(String bucket, String service, Caller.Kind kind) {
		RateLimitProperties.Limit limit = this.properties.limit(service, kind);
		Map<String, RedisRateLimiter.Config> configs = this.rateLimiter.getConfig();
		configs.put(bucket, new RedisRateLimiter.Config().setReplenishRate(limit.replenishRate())
			.setBurstCapacity(limit.burstCapacity()));
		return limit;
	}

	/** The Eureka service of an {@code lb://} route, else the route's id. */
	private static String service(ServerWebExchange exchange) {
		return RoutedService.of(exchange).orElseGet(() -> {
			Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			return (route != null) ? route.getId() : null;
		});
	}

}
