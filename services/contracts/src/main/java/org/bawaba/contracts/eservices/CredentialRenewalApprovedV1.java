package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.CredentialType;

/**
 * The issuing agency's staff approved the renewal of a credential: the agency's own service issues the
 * new credential and announces it as {@code org.bawaba.agency.credential.issued.v1} with {@code replaces}
 * set to {@code credentialId}, which completes the renewal application.
 *
 * @param credentialId the credential being renewed
 * @param agency the issuing agency
 * @param citizen the holder's pseudonymous subject (Keycloak {@code sub})
 * @param type the kind of credential
 * @param applicationId the renewal application
 * @param approvedAt when it was approved
 */
@EventType(value = CredentialRenewalApprovedV1.TYPE, topic = Topics.ESERVICES_CREDENTIALS)
public record CredentialRenewalApprovedV1(UUID credentialId, String agency, String citizen, CredentialType type,
		UUID applicationId, Instant approvedAt) implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.credential.renewal-approved.v1";

	@Override
	public String entityId() {
		return credentialId.toString();
	}

}
