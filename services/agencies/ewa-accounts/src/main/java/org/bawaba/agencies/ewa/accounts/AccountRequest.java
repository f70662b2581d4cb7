package org.bawaba.agencies.ewa.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * An account to open.
 *
 * @param citizen the holder's Keycloak subject
 * @param type electricity or water
 * @param address the address it serves
 */
record AccountRequest(@NotBlank String citizen, @NotNull Account.Type type, @NotNull @Valid Address address) {
}
