package org.bawaba.contracts.gateway;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.OptionalField;
import org.bawaba.contracts.Topics;

/**
 * One request through the gateway, for the published usage statistics. Deliberately holds nothing
 * about the person: no subject, no address, no path (paths may carry identifiers), no query, no
 * token. The CloudEvent's {@code time} is when the request arrived; its {@code id} stays the same
 * when the gateway sends a record again, so consumers de-duplicate by id.
 *
 * @param route the gateway route that matched ({@code service-<service>}); null for the gateway's
 * own endpoints and unknown paths
 * @param service the service routed to; null when none
 * @param agency the agency owning the service (its Eureka metadata {@code agency}); null for the
 * platform's own services
 * @param method the HTTP method
 * @param status the HTTP status of the answer
 * @param latencyMs milliseconds from the request's arrival until its answer started
 * @param caller what kind of caller it was
 */
@EventType(value = UsageRecordedV1.TYPE, topic = Topics.GATEWAY_USAGE)
public record UsageRecordedV1(@OptionalField String route, @OptionalField String service,
		@OptionalField String agency, String method, int status, long latencyMs, CallerKind caller)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.gateway.usage.recorded.v1";

	/** The key: the service, or {@code gateway} for the gateway's own endpoints and unknown paths. */
	@Override
	public String entityId() {
		return service != null ? service : "gateway";
	}

	/** Who called, without saying who. */
	public enum CallerKind {

		/** No token, no session. */
		ANONYMOUS,

		/** A person signed in (bearer token of a person, or a browser session). */
		SIGNED_IN,

		/** An onboarded agency's system, with its own client credentials. */
		AGENCY_CLIENT

	}

}
