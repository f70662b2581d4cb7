package org.bawaba.participation.shared;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.participation.Text;

/**
 * A text in English and Arabic, as requests carry it; both are required.
 * @param en English
 * @param ar Arabic
 */
public record Bilingual(@NotBlank @Size(max = 4000) String en, @NotBlank @Size(max = 4000) String ar) {

	public Text text() {
		return new Text(en, ar);
	}

}
