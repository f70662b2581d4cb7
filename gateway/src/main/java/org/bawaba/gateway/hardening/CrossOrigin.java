package org.bawaba.gateway.hardening;

import org.bawaba.gateway.problem.ProblemResponses;
import org.bawaba.gateway.problem.ProblemType;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Cross-origin requests, as Spring's {@code CorsWebFilter} handles them (the same
 * {@link DefaultCorsProcessor}), except that a refused one gets a 403 problem instead of an empty
 * answer. Runs before Spring Security, whose own CORS filter is off.
 */
final class CrossOrigin implements WebFilter, Ordered {

	private final CorsConfigurationSource configurations;

	private final CorsProcessor processor = new DefaultCorsProcessor();

	private final ProblemResponses problems;

	CrossOrigin(CorsConfigurationSource configurations, ProblemResponses problems) {
		this.configurations = configurations;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 50;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		CorsConfiguration configuration = this.configurations.getCorsConfiguration(exchange);
		if (!this.processor.process(configuration, exchange)) {
			return this.problems.write(exchange, ProblemType.CROSS_ORIGIN);
		}
		return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
	}

}
