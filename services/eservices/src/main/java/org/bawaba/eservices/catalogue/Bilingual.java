package org.bawaba.eservices.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text in English and Arabic; both are required. */
public record Bilingual(@NotBlank @Size(max = 2000) String en, @NotBlank @Size(max = 2000) String ar) {
}
