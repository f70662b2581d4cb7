package org.bawaba.gateway.routing;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;

/**
 * Routes for agencies' own services: an instance registered in Eureka with metadata
 * {@code agency=<code>} and {@code public-path=<name>} is routed at
 * {@code /api/agencies/<code>/<name>/**} to {@code lb://<service id>}, with the same filters as the
 * platform's services ({@link ServiceRoute}) and the same security, rate limits and usage records
 * (those apply to every route), when both hold:
 * <ul>
 * <li>the auth service lists the agency as onboarded and active, with that service
 * ({@link AgencyDirectory});</li>
 * <li>the instance's service id is {@code <code>-<name>} (e.g. {@code moi-identity} for agency
 * {@code moi}, path {@code identity}). Only the agency's own client {@code <code>-<name>} may
 * register that service id in the registry, so an instance cannot claim another agency's path
 * through its metadata.</li>
 * </ul>
 * Any other gets no route, so its path answers 404. Re-read with every route refresh (each Eureka
 * registry fetch, and each change of the directory): no restart.
 */
@Component
class AgencyRoutes implements RouteDefinitionLocator {

	/** What an agency's code and its service's name may be. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

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
			.filter(AgencyRoutes::ownsItsPath)
			.filter(instance -> this.directory.isRouted(agency(instance), name(instance)))
			.map(AgencyRoutes::route);
	}

	/** Whether the instance has an agency and a path, and its service id is {@code <agency>-<path name>}. */
	static boolean ownsItsPath(ServiceInstance instance) {
		String agency = agency(instance);
		String name = name(instance);
		return agency != null && name != null && NAME.matcher(agency).matches() && NAME.matcher(name).matches()
				&& instance.getServiceId().toLowerCase(Locale.ROOT).equals(agency + "-" + name);
	}

	private static RouteDefinition route(ServiceInstance instance) {
		String serviceId = instance.getServiceId().toLowerCase(Locale.ROOT);
		return ServiceRoute.of("agency-" + serviceId, serviceId,
				"/api/agencies/" + agency(instance) + "/" + name(instance), Map.of("agency", agency(instance)));
	}

	private static String agency(ServiceInstance instance) {
		String agency = instance.getMetadata() == null ? null : instance.getMetadata().get("agency");
		return agency == null || agency.isBlank() ? null : agency.toLowerCase(Locale.ROOT);
	}

	/** The last segment of {@code public-path} ({@code allowance} or {@code /api/allowance}), else none. */
	private static String name(ServiceInstance instance) {
		String path = instance.getMetadata() == null ? null : instance.getMetadata().get("public-path");
		String trimmed = (path == null) ? "" : path.replaceAll("/+$", "");
		String name = trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		return name.isBlank() ? null : name;
	}

}
