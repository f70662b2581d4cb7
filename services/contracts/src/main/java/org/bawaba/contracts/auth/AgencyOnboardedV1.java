package org.bawaba.contracts.auth;

import java.time.Instant;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * A platform admin onboarded an agency, or converged an onboarded one again (its group, staff roles and
 * {@code agency} claim exist in the realm; the gateway routes its services).
 *
 * @param agency the agency code, as in the {@code agency} claim
 * @param created whether the agency is new to the platform (false: converged or re-enabled)
 * @param services how many services the agency has clients for
 * @param actor the Keycloak subject of the platform admin who did it
 * @param onboardedAt when
 */
@EventType(value = AgencyOnboardedV1.TYPE, topic = Topics.AUTH_AGENCIES)
public record AgencyOnboardedV1(String agency, boolean created, int services, String actor, Instant onboardedAt)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.auth.agency.onboarded.v1";

	@Override
	public String entityId() {
		return agency;
	}

}
