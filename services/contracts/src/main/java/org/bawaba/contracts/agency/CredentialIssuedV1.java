package org.bawaba.contracts.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.bawaba.contracts.AgencyEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.OptionalField;
import org.bawaba.contracts.Topics;

/**
 * An agency issued (or renewed) a credential to a person: what the platform needs to know of it to offer
 * its renewal before it expires. The credential's number stays with the agency.
 *
 * @param credentialId the credential, as the issuing agency identifies it
 * @param agency the issuing agency
 * @param citizen the holder's pseudonymous subject (Keycloak {@code sub})
 * @param type the kind of credential
 * @param issuedOn the first day it is valid
 * @param expiresOn the last day it is valid
 * @param issuedAt when it was recorded
 * @param replaces the credential this one renews, if any (absent in events of a first issue)
 */
@EventType(value = CredentialIssuedV1.TYPE, topic = Topics.AGENCY_CREDENTIALS)
public record CredentialIssuedV1(UUID credentialId, String agency, String citizen, CredentialType type,
		LocalDate issuedOn, LocalDate expiresOn, Instant issuedAt,
		// --- renew ---
		@OptionalField UUID replaces
		// --- end renew ---
) implements AgencyEvent {

	public static final String TYPE = "org.bawaba.agency.credential.issued.v1";

	// --- renew ---
	/** A first issue, renewing nothing. */
	public CredentialIssuedV1(UUID credentialId, String agency, String citizen, CredentialType type,
			LocalDate issuedOn, LocalDate expiresOn, Instant issuedAt) {
		this(credentialId, agency, citizen, type, issuedOn, expiresOn, issuedAt, null);
	}
	// --- end renew ---

	@Override
	public String entityId() {
		return credentialId.toString();
	}

}
