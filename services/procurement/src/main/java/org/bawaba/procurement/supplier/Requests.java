package org.bawaba.procurement.supplier;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the suppliers API. */
final class Requests {

	private Requests() {
	}

	/**
	 * A new supplier, or its changed profile (the registration number cannot change). Texts are limited to
	 * their {@code varchar(n)} columns ({@code SchemaLimitsIT} holds them to the schema).
	 */
	record Profile(@NotBlank @Size(max = 32) @Pattern(regexp = "^[0-9A-Za-z-]{3,32}$") String registrationNumber,
			@NotNull @Valid Name name, @NotEmpty @Size(max = 20) List<@NotBlank String> sells,
			@NotNull @Valid ContactDetails contact) {
	}

	/** The business's name in English and Arabic: columns {@code supplier.name_en}, {@code name_ar}. */
	record Name(@NotBlank @Size(max = 200) String en, @NotBlank @Size(max = 200) String ar) {
	}

	record ContactDetails(@NotBlank @Email @Size(max = 200) String email,
			@Nullable @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ]{6,20}$") String phone,
			@Nullable @Size(max = 200) String person) {
	}

	/** The categories to hear about. */
	record Subscriptions(@NotNull @Size(max = 20) List<@NotBlank String> categories) {
	}

}
