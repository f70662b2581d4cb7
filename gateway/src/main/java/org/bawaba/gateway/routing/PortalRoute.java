package org.bawaba.gateway.routing;

import java.util.List;

import org.bawaba.gateway.session.CsrfCookie;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * The portal (the registry's {@code portal} service) gets every path that is not the gateway's own
 * ({@link #isPortal}), after every other route: {@code /}, {@code /ar/...}, {@code /en/...}, its
 * styles and scripts. A signed-in browser's access token is relayed like to any service (and, like to
 * any service, its cookies are not: {@code org.bawaba.gateway.hardening.ForwardedHeaders}); its CSRF
 * token goes along in {@value #CSRF_HEADER} so that the portal's forms carry it and the portal
 * checks it (the gateway cannot read a form body it streams through).
 */
@Configuration(proxyBeanMethods = false)
public class PortalRoute {

	/** The registry name of the portal. */
	public static final String SERVICE = "portal";

	/** The browser's CSRF token, for the portal; stripped from every incoming request. */
	public static final String CSRF_HEADER = "X-Bawaba-Csrf";

	/** Paths the gateway answers itself, or routes elsewhere. */
	private static final List<String> GATEWAY_PATHS = List.of("/api/", "/actuator/", "/catalogue/", "/swagger-ui",
			"/webjars/", "/v3/api-docs", "/oauth2/", "/login/", "/logout");

	/** Whether {@code path} belongs to the portal. */
	public static boolean isPortal(String path) {
		return GATEWAY_PATHS.stream().noneMatch(path::startsWith);
	}

	@Bean
	RouteLocator portalRoutes(RouteLocatorBuilder routes, ServiceCircuitBreakerGatewayFilterFactory breakers) {
		SpringCloudCircuitBreakerFilterFactory.Config breaker = new SpringCloudCircuitBreakerFilterFactory.Config();
		breaker.setName(SERVICE);
		return routes.routes()
			.route(SERVICE, route -> route.order(Ordered.LOWEST_PRECEDENCE)
				.predicate(exchange -> isPortal(exchange.getRequest().getPath().value()))
				.filters(filters -> filters.tokenRelay()
					.filter(PortalRoute::csrfToken)
					.filter(breakers.apply(breaker)))
				.uri("lb://" + SERVICE))
			.build();
	}

	private static Mono<Void> csrfToken(ServerWebExchange exchange,
			GatewayFilterChain chain) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null || !exchange.getRequest().getCookies().containsKey(CsrfCookie.SESSION_COOKIE)) {
			return chain.filter(exchange);
		}
		return token.map(csrf -> exchange.mutate()
			.request(request -> request.headers(headers -> headers.set(CSRF_HEADER, csrf.getToken())))
			.build()).defaultIfEmpty(exchange).flatMap(chain::filter);
	}

}
