package org.bawaba.contracts.auth;

import java.time.Instant;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * A confidential client was created for one of an agency's services (its secret is never in an event).
 *
 * @param agency the agency code
 * @param service the service's public path name ({@code /api/agencies/<agency>/<service>})
 * @param clientId the Keycloak client id, {@code <agency>-<service>}
 * @param actor the Keycloak subject of who did it
 * @param createdAt when
 */
@EventType(value = AgencyClientCreatedV1.TYPE, topic = Topics.AUTH_AGENCIES)
public record AgencyClientCreatedV1(String agency, String service, String clientId, String actor, Instant createdAt)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.auth.agency.client-created.v1";

	@Override
	public String entityId() {
		return agency;
	}

}
