package org.bawaba.eservices.catalogue;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** A fee: an amount in an ISO 4217 currency. */
public record Fee(@NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

	public static final Fee NONE = new Fee(BigDecimal.ZERO, "QAR");

	public boolean isFree() {
		return amount.signum() == 0;
	}

}
