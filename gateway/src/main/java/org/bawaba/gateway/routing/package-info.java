/**
 * Routing to the platform's services.
 * <p>
 * Routes are not written in code: the discovery route-definition locator builds one route per
 * service registered in Eureka ({@code spring.cloud.gateway.server.webflux.discovery.locator.*} in
 * {@code application.yml}): {@code /api/<service>/**} to {@code lb://<service>} with the
 * {@code /api/<service>} prefix stripped and a circuit breaker named after the service. Routes are
 * refreshed on every Eureka registry fetch, so a new service is reachable without a gateway
 * restart.
 * <p>
 * Excluded from that locator: the gateway, the registry, and every instance whose Eureka metadata
 * carries {@code agency}. Agency services will get {@code /api/agencies/<code>/<name>/**} from a
 * route-definition locator of their own, to be added in this package (not built yet).
 */
package org.bawaba.gateway.routing;
