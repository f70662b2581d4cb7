package org.bawaba.eservices.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A government agency that owns services.
 * @param code the agency code, as in the staff's {@code agency} claim, e.g. {@code moi}
 * @param name its name in both languages
 */
public record Agency(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}") String code, @NotNull @Valid Bilingual name) {
}
