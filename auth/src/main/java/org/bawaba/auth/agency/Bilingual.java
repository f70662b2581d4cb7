package org.bawaba.auth.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text in English and Arabic. */
public record Bilingual(@NotBlank @Size(max = 200) String en, @NotBlank @Size(max = 200) String ar) {
}
