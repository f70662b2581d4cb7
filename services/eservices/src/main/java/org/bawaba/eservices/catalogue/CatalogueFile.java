package org.bawaba.eservices.catalogue;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The import format: one agency and its services (see {@code src/main/resources/catalogue/*.json}).
 * Importing creates the services whose codes are new and replaces those the agency already has.
 */
public record CatalogueFile(@NotNull @Valid Agency agency,
		@NotEmpty @Size(max = 500) List<@Valid @NotNull ServiceDefinition> services) {
}
