package org.bawaba.procurement.bid;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the bids API. */
final class Requests {

	private Requests() {
	}

	/** A bid: the price and the documents of the offer, sealed as submitted. */
	record BidContent(@NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 15, fraction = 2)
			BigDecimal amount, @NotBlank @Size(max = 3) @Pattern(regexp = "^[A-Z]{3}$") String currency,
			@Nullable @Size(max = 10) List<@Valid Document> documents) {
	}

	/**
	 * A document of the offer.
	 * @param content the file, base64
	 */
	record Document(@NotBlank @Size(max = 200) String name,
			@NotBlank @Size(max = 100) @Pattern(regexp = "^[\\w.+-]+/[\\w.+-]+$") String mediaType,
			@NotBlank @Size(max = 2_800_000) @Pattern(regexp = "^[A-Za-z0-9+/]*={0,2}$") String content) {
	}

}
