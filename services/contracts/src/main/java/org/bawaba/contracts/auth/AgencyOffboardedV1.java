package org.bawaba.contracts.auth;

import java.time.Instant;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * An agency was offboarded: its service clients are disabled and the gateway stops routing to it.
 *
 * @param agency the agency code
 * @param disabledClients how many service clients were disabled
 * @param actor the Keycloak subject of the platform admin who did it
 * @param offboardedAt when
 */
@EventType(value = AgencyOffboardedV1.TYPE, topic = Topics.AUTH_AGENCIES)
public record AgencyOffboardedV1(String agency, int disabledClients, String actor, Instant offboardedAt)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.auth.agency.offboarded.v1";

	@Override
	public String entityId() {
		return agency;
	}

}
