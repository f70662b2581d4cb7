package org.bawaba.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;

/**
 * Routes for the platform's own services, by name: each service of {@code bawaba.routing.services} is routed at
 * {@code /api/<service>/**} to its instances in the registry, whether it has any at the moment or not: with none
 * (every instance stopped, or not yet started) the caller gets a 503 problem saying the service is not available
 * right now, and the service is served again as soon as an instance registers, without a restart. A name that is
 * not on the list gets no route, whatever registers under it: the registry is not trusted to say what is public.
 * Agencies' services have their own rules ({@link AgencyRoutes}); the portal has a fixed route
 * ({@link PortalRoute}).
 */
@Component
class ServiceRoutes implements RouteDefinitionLocator {

	private final List<String> services;

	ServiceRoutes(
			@Value("${bawaba.routing.services:auth,eservices,participation,opendata,procurement,notifications}") List<String> services) {
		this.services = services.stream()
			.map(name -> name.trim().toLowerCase(Locale.ROOT))
			.filter(name -> !name.isEmpty())
			.distinct()
			.sorted()
			.toList();
	}

	@Override
	public Flux<RouteDefinition> getRouteDefinitions() {
		return Flux.fromIterable(this.services)
			.map(serviceId -> ServiceRoute.of("service-" + serviceId, serviceId, "/api/" + serviceId, Map.of()));
	}

}
