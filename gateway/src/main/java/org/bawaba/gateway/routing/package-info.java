/**
 * Routing: only what is meant to be public, never whatever registers in the registry.
 * <ul>
 * <li>{@link org.bawaba.gateway.routing.ServiceRoutes}: the platform's own services by name
 * ({@code bawaba.routing.services}), each at {@code /api/<service>/**} while it is registered;</li>
 * <li>{@link org.bawaba.gateway.routing.AgencyRoutes}: agencies' services at
 * {@code /api/agencies/<code>/<name>/**}, only while the auth service lists their agency as
 * onboarded and active ({@link org.bawaba.gateway.routing.AgencyDirectory}) and only from the
 * service id {@code <code>-<name>};</li>
 * <li>{@link org.bawaba.gateway.routing.PortalRoute}: the portal, at every path that is not the
 * gateway's own.</li>
 * </ul>
 * Every route strips its prefix, relays the caller's token and has a circuit breaker and time
 * limiter named after its service ({@link org.bawaba.gateway.routing.ServiceRoute}). Routes are
 * re-read on every registry fetch and every change of the agency directory: no restart.
 */
package org.bawaba.gateway.routing;
