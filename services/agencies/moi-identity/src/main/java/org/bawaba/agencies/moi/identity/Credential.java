package org.bawaba.agencies.moi.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.bawaba.contracts.agency.CredentialType;
import org.jspecify.annotations.Nullable;

/**
 * An identity document the ministry issued to a person.
 *
 * @param replaces the credential this one renewed, if any
 */
record Credential(UUID id, String citizen, CredentialType type, String number, LocalDate issuedOn,
		LocalDate expiresOn, Instant issuedAt, @Nullable UUID replaces) {
}
