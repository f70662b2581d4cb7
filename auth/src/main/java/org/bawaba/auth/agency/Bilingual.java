package org.bawaba.auth.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A text in English and Arabic: a name people read, on one line, without control characters (Keycloak refuses
 * them in a client's name, PostgreSQL refuses NUL).
 */
public record Bilingual(@NotBlank @Size(max = 200) @Pattern(regexp = Bilingual.TEXT) String en,
		@NotBlank @Size(max = 200) @Pattern(regexp = Bilingual.TEXT) String ar) {

	static final String TEXT = "[^\\p{Cntrl}]*";

}
