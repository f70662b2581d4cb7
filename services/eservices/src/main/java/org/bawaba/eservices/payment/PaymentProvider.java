package org.bawaba.eservices.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/** A payment provider with a hosted payment page and signed callbacks. */
interface PaymentProvider {

	/** Opens a checkout for {@code paymentId}; the citizen is sent to the returned page. */
	Checkout start(UUID paymentId, BigDecimal amount, String currency, String description);

	String name();

	/** A checkout opened at the provider. */
	record Checkout(String providerRef, URI redirectUrl) {
	}

}
