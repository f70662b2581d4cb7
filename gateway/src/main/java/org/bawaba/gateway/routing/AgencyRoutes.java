package org.bawaba.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;

/**
 * Routes for agencies' own services: an instance registered in Eureka with metadata
 * {@code agency=<code>} and {@code public-path=<name>} is routed at
 * {@code /api/agencies/<code>/<name>/**} to {@code lb://<service id>}, with the same filters as the
 * platform's services (prefix stripped, token relayed, cookies kept at the gateway, a breaker and time
 * limiter of its own) and the same security, rate limits and usage records (those apply to every
 * route). Only services of agencies the auth service lists as onboarded and active are routed
 * ({@link AgencyDirectory}); any other gets no route, so its path answers 404. Re-read with every
 * route refresh (each Eureka registry fetch, and each change of the directory): no restart.
 */
@Component
class AgencyRoutes implements RouteDefinitionLocator {

	private final ReactiveDiscoveryClient discovery;

	private final AgencyDirectory directory;

	AgencyRoutes(ReactiveDiscoveryClient discovery, AgencyDirectory directory) {
		this.discovery = discovery;
		this.directory = directory;
	}

	@Override
	public Flux<RouteDefinition> getRouteDefinitions() {
		return this.discovery.getServices()
			.flatMap(serviceId -> this.discovery.getInstances(serviceId).next())
			.filter(instance -> agency(instance) != null)
			.filter(instance -> this.directory.isRouted(agency(instance), name(instance)))
			.map(AgencyRoutes::route);
	}

	private static RouteDefinition route(ServiceInstance instance) {
		String serviceId = instance.getServiceId().toLowerCase(Locale.ROOT);
		String prefix = "/api/agencies/" + agency(instance) + "/" + name(instance);
		RouteDefinition route = new RouteDefinition();
		route.setId("agency-" + agency(instance) + "-" + name(instance));
		route.setUri(URI.create("lb://" + serviceId));
		route.setPredicates(List.of(new PredicateDefinition("Path=" + prefix + "/**")));
		route.setFilters(List.of(new FilterDefinition("StripPrefix=4"), new FilterDefinition("TokenRelay"),
				new FilterDefinition("RemoveRequestHeader=Cookie"), new FilterDefinition("ServiceCircuitBreaker=" + serviceId)));
		route.setMetadata(Map.of("agency", agency(instance)));
		return route;
	}

	private static String agency(ServiceInstance instance) {
		String agency = instance.getMetadata() == null ? null : instance.getMetadata().get("agency");
		return agency == null || agency.isBlank() ? null : agency.toLowerCase(Locale.ROOT);
	}

	/** The last segment of {@code public-path} ({@code allowance} or {@code /api/allowance}), else the service id. */
	private static String name(ServiceInstance instance) {
		String path = instance.getMetadata() == null ? null : instance.getMetadata().get("public-path");
		if (path == null || path.isBlank()) {
			return instance.getServiceId().toLowerCase(Locale.ROOT);
		}
		String trimmed = path.replaceAll("/+$", "");
		return trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
	}

}
