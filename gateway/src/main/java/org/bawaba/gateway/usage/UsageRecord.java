package org.bawaba.gateway.usage;

/**
 * What one request through the gateway adds to the published usage statistics. Deliberately
 * holds nothing about the person: no subject, no address, no path (paths may carry identifiers),
 * no query, no token. Published as the data of the CloudEvent {@value UsageEvents#TYPE}.
 *
 * @param route the gateway route that matched ({@code service-<service>}), or {@code null} for the
 * gateway's own endpoints and unknown paths
 * @param service the service routed to, or {@code null}
 * @param agency the agency that owns the service (its Eureka metadata {@code agency}), or
 * {@code null} for the platform's own services
 * @param method the HTTP method
 * @param status the HTTP status of the answer
 * @param latencyMs milliseconds from the request's arrival until its answer started
 * @param caller {@code anonymous}, {@code signed-in} or {@code agency-client}
 */
record UsageRecord(String route, String service, String agency, String method, int status, long latencyMs,
		String caller) {
}
