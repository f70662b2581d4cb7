package org.bawaba.agencies.ewa.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A service address, in the shape eservices gives a tell-us-once change of address.
 *
 * @param line1 building, street
 * @param line2 more (optional)
 * @param city town or municipality
 * @param postalCode zone or postal code (optional)
 */
record Address(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
		@NotBlank @Size(max = 100) String city, @Size(max = 20) String postalCode) {
}
