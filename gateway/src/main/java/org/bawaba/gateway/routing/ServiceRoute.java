package org.bawaba.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

/**
 * The route of one service: {@code <prefix>/**} to {@code lb://<service>} with the prefix stripped,
 * a signed-in browser's access token relayed as a bearer token (an API client's bearer token goes
 * as it came), and the service's own breaker and time limiter, inside which a call that could not connect to an
 * instance goes to another ({@link ServiceRetryGatewayFilterFactory}). Which request headers go along is
 * decided for every route alike ({@code org.bawaba.gateway.hardening.ForwardedHeaders}).
 */
final class ServiceRoute {

	private ServiceRoute() {
	}

	static RouteDefinition of(String id, String serviceId, String prefix, Map<String, Object> metadata) {
		RouteDefinition route = new RouteDefinition();
		route.setId(id);
		route.setUri(URI.create("lb://" + serviceId));
		route.setPredicates(List.of(new PredicateDefinition("Path=" + prefix + "/**")));
		long segments = prefix.chars().filter(c -> c == '/').count();
		route.setFilters(List.of(new FilterDefinition("StripPrefix=" + segments), new FilterDefinition("TokenRelay"),
				new FilterDefinition("ServiceCircuitBreaker=" + serviceId), new FilterDefinition("ServiceRetry")));
		route.setMetadata(metadata);
		return route;
	}

}
