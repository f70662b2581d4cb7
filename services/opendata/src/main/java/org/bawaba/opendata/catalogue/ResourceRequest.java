package org.bawaba.opendata.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A resource of a dataset: a link ({@code url} set) or a file loaded later with
 * {@code POST /resources/{id}/data}.
 */
public record ResourceRequest(@NotNull @Valid Bilingual name, @Valid Bilingual description,
		@Size(max = 20) String format, @Pattern(regexp = "https?://\\S+") @Size(max = 2000) String url) {
}
