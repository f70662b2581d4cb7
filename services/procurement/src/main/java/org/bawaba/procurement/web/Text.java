package org.bawaba.procurement.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.procurement.Bilingual;

/**
 * A text in English and Arabic; both are required.
 *
 * @param en English
 * @param ar Arabic
 */
public record Text(@NotBlank @Size(max = 4000) String en, @NotBlank @Size(max = 4000) String ar) {

	public Bilingual bilingual() {
		return new Bilingual(en, ar);
	}

}
