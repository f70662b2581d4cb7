package org.bawaba.eservices.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A document an applicant attaches.
 * @param code the document type, e.g. {@code passport-photo}
 * @param name what it is, in both languages
 */
public record RequiredDocument(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}") String code,
		@NotNull @Valid Bilingual name) {
}
