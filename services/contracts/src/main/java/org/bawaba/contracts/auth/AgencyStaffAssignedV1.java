package org.bawaba.contracts.auth;

import java.time.Instant;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * A person was made staff (or admin) of an agency: member of its group, with its {@code agency} claim.
 *
 * @param agency the agency code
 * @param staff the Keycloak subject of the staff member
 * @param admin whether they administer the agency (role {@code agency-admin})
 * @param invited whether the account was created by this assignment (they set their password on first sign-in)
 * @param actor the Keycloak subject of who did it
 * @param assignedAt when
 */
@EventType(value = AgencyStaffAssignedV1.TYPE, topic = Topics.AUTH_AGENCIES)
public record AgencyStaffAssignedV1(String agency, String staff, boolean admin, boolean invited, String actor,
		Instant assignedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.auth.agency.staff-assigned.v1";

	@Override
	public String entityId() {
		return agency;
	}

}
