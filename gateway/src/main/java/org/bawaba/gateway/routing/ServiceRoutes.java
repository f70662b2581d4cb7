package org.bawaba.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;

/**
 * Routes for the platform's own services, by name: each service of {@code bawaba.routing.services}
 * is routed at {@code /api/<service>/**} while it has an instance in the registry (re-read with
 * every route refresh, so a service that registers is routed without a restart). A name that is
 * not on the list gets no route, whatever registers under it: the registry is not trusted to say
 * what is public. Agencies' services have their own rules ({@link AgencyRoutes}); the portal has a
 * fixed route ({@link PortalRoute}).
 */
@Component
class ServiceRoutes implements RouteDefinitionLocator {

	private final ReactiveDiscoveryClient discovery;

	private final Set<String> services;

	ServiceRoutes(ReactiveDiscoveryClient discovery,
			@Value("${bawaba.routing.services:auth,eservices,participation,opendata,procurement,notifications}") List<String> services) {
		this.discovery = discovery;
		this.services = services.stream()
			.map(name -> name.trim().toLowerCase(Locale.ROOT))
			.filter(name -> !name.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Flux<RouteDefinition> getRouteDefinitions() {
		return this.discovery.getServices()
			.map(serviceId -> serviceId.toLowerCase(Locale.ROOT))
			.filter(this.services::contains)
			.distinct()
			.filterWhen(serviceId -> this.discovery.getInstances(serviceId).hasElements())
			.map(serviceId -> ServiceRoute.of("service-" + serviceId, serviceId, "/api/" + serviceId, Map.of()));
	}

}
