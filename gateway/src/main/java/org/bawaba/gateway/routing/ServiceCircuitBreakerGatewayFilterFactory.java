package org.bawaba.gateway.routing;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceCircuitBreaker=<service>}: the service's circuit breaker and time limiter
 * (Resilience4j, through Spring Cloud Gateway's {@code CircuitBreaker} filter), except for
 * {@link LongRunningRequests}. The time limiter runs until the service's response headers arrive, which
 * for an upload is after the service has read the whole body: a 50 MB file would otherwise be
 * answered 504 after a second.
 */
@Component
@EnableConfigurationProperties(LongRunningRequests.class)
class ServiceCircuitBreakerGatewayFilterFactory
		extends AbstractGatewayFilterFactory<SpringCloudCircuitBreakerFilterFactory.Config> {

	private final SpringCloudCircuitBreakerFilterFactory breakers;

	private final LongRunningRequests longRunning;

	ServiceCircuitBreakerGatewayFilterFactory(SpringCloudCircuitBreakerFilterFactory breakers,
			LongRunningRequests longRunning) {
		super(SpringCloudCircuitBreakerFilterFactory.Config.class);
		this.breakers = breakers;
		this.longRunning = longRunning;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return this.breakers.shortcutFieldOrder();
	}

	@Override
	public GatewayFilter apply(SpringCloudCircuitBreakerFilterFactory.Config config) {
		GatewayFilter limited = this.breakers.apply(config);
		return (exchange, chain) -> this.longRunning.test(exchange) ? chain.filter(exchange)
				: limited.filter(exchange, chain);
	}

}
