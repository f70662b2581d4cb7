package org.bawaba.eservices.change;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.eservices.ChangeKind;

/**
 * A change the citizen reports once: {@code {"kind":"ADDRESS","address":{...}}} or
 * {@code {"kind":"PHONE","phone":"+974..."}}.
 *
 * @param kind what changes
 * @param address the new address (kind ADDRESS only)
 * @param phone the new phone number in E.164 form (kind PHONE only)
 */
record ChangeRequest(@NotNull ChangeKind kind, @Valid Address address,
		@Pattern(regexp = "\\+[1-9][0-9]{7,14}") String phone) {

	/**
	 * A postal address.
	 *
	 * @param line1 building, street (required)
	 * @param line2 more (optional)
	 * @param city town or municipality (required)
	 * @param postalCode zone or postal code (optional)
	 */
	record Address(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
			@NotBlank @Size(max = 100) String city, @Size(max = 20) String postalCode) {
	}

}
