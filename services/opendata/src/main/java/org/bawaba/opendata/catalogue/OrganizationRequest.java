package org.bawaba.opendata.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** An organisation's names and description. */
record OrganizationRequest(@NotNull @Valid Bilingual title, @Valid Bilingual description) {
}
