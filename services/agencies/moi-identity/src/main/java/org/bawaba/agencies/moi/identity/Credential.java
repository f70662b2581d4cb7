package org.bawaba.agencies.moi.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.bawaba.contracts.agency.CredentialType;

/** An identity document the ministry issued to a person. */
record Credential(UUID id, String citizen, CredentialType type, String number, LocalDate issuedOn,
		LocalDate expiresOn, Instant issuedAt) {
}
