package org.bawaba.agencies.moi.identity;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.bawaba.contracts.agency.CredentialType;

/**
 * A credential to issue.
 *
 * @param citizen the holder's Keycloak subject
 * @param type ID card or residence permit
 * @param number the document's number (stays in this service)
 * @param issuedOn first valid day
 * @param expiresOn last valid day, after {@code issuedOn}
 */
record CredentialRequest(@NotBlank String citizen, @NotNull CredentialType type,
		@NotBlank @Pattern(regexp = "[A-Z0-9]{6,12}") String number, @NotNull LocalDate issuedOn,
		@NotNull LocalDate expiresOn) {
}
