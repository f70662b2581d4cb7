package org.bawaba.eservices.credential;

import java.time.LocalDate;
import java.util.UUID;

import org.bawaba.contracts.agency.CredentialType;
import org.jspecify.annotations.Nullable;

/**
 * A person's credential as the platform knows it (never its number).
 *
 * @param state {@code VALID}, {@code EXPIRING} (within the renewal window), {@code EXPIRED} or {@code RENEWED}
 * @param replaces the credential it renewed
 * @param renewedBy the credential that renewed it
 * @param renewalApplicationId the open renewal application, if any
 */
record Credential(UUID id, String agency, String holderSubject, CredentialType type, LocalDate issuedOn,
		LocalDate expiresOn, @Nullable UUID replaces, @Nullable UUID renewedBy, @Nullable UUID renewalApplicationId,
		String state) {

	boolean renewed() {
		return renewedBy != null;
	}

	Credential withState(LocalDate today, int windowDays) {
		String computed = renewed() ? "RENEWED" : expiresOn.isBefore(today) ? "EXPIRED"
				: !expiresOn.isAfter(today.plusDays(windowDays)) ? "EXPIRING" : "VALID";
		return new Credential(id, agency, holderSubject, type, issuedOn, expiresOn, replaces, renewedBy,
				renewalApplicationId, computed);
	}

}
