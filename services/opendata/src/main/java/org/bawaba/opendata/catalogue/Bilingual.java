package org.bawaba.opendata.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text a person reads, in English and Arabic. */
public record Bilingual(@NotBlank @Size(max = 10000) String en, @NotBlank @Size(max = 10000) String ar) {

	/** The text in {@code language} ({@code ar} or anything else for English). */
	public String in(String language) {
		return "ar".equals(language) ? ar : en;
	}

	static Bilingual of(String en, String ar) {
		return en == null && ar == null ? null : new Bilingual(en, ar);
	}

}
