package org.bawaba.contracts.auth;

import java.time.Instant;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * The secret of an agency service's client was replaced; the old one no longer works.
 *
 * @param agency the agency code
 * @param service the service
 * @param clientId the Keycloak client id
 * @param actor the Keycloak subject of who did it
 * @param rotatedAt when
 */
@EventType(value = AgencySecretRotatedV1.TYPE, topic = Topics.AUTH_AGENCIES)
public record AgencySecretRotatedV1(String agency, String service, String clientId, String actor, Instant rotatedAt)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.auth.agency.secret-rotated.v1";

	@Override
	public String entityId() {
		return agency;
	}

}
