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
 * carries {@code agency}. Agency services get {@code /api/agencies/<code>/<name>/**} from
 * {@link org.bawaba.gateway.routing.AgencyRoutes}, only while the auth service lists their agency as
 * onboarded and active ({@link org.bawaba.gateway.routing.AgencyDirectory}).
 */
package org.bawaba.gateway.routing;
