package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.CredentialType;

/**
 * A person's credential expires within the renewal window and is not renewed yet: the "click to renew"
 * notice. Published once per credential and window. Carries no document number and no personal data.
 *
 * @param credentialId the credential, as the issuing agency identifies it
 * @param agency the issuing agency
 * @param citizen the holder's pseudonymous subject (Keycloak {@code sub})
 * @param type the kind of credential
 * @param expiresOn the last day it is valid
 * @param windowDays the renewal window, in days before expiry, this notice belongs to
 * @param serviceCode the catalogue code of the e-service that renews it
 * @param link where the prefilled renewal opens, relative to the portal (e.g. {@code /eservices/renewals/<id>})
 * @param noticedAt when the platform found it
 */
@EventType(value = CredentialExpiringV1.TYPE, topic = Topics.ESERVICES_CREDENTIALS)
public record CredentialExpiringV1(UUID credentialId, String agency, String citizen, CredentialType type,
		LocalDate expiresOn, int windowDays, String serviceCode, String link, Instant noticedAt)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.credential.expiring.v1";

	@Override
	public String entityId() {
		return credentialId.toString();
	}

}
