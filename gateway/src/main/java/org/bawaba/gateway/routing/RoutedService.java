package org.bawaba.gateway.routing;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The Eureka service a request was routed to, read from the route the gateway matched. Used to
 * name the service in problem details ("the service 'opendata' did not answer in time").
 */
public final class RoutedService {

	private RoutedService() {
	}

	/** The service id of an {@code lb://<service>} route, lower case; empty for any other request. */
	public static Optional<String> of(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return Optional.empty();
		}
		URI uri = route.getUri();
		if (!"lb".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			return Optional.empty();
		}
		return Optional.of(uri.getHost().toLowerCase(Locale.ROOT));
	}

}
