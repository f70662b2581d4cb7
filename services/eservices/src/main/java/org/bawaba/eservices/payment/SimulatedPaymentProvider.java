package org.bawaba.eservices.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A stand-in provider for local runs: its hosted page is served by this service
 * ({@link PaymentSimulatorController}) and answers with a callback signed like a real provider's. What its
 * page shows is read from the payment the service recorded, not kept in this instance's memory: with two
 * instances, the page and the payment are often served by different ones.
 */
@Component
@ConditionalOnProperty(name = "eservices.payments.provider", havingValue = "simulated")
class SimulatedPaymentProvider implements PaymentProvider {

	private final PaymentProperties properties;

	private final PaymentRepository payments;

	SimulatedPaymentProvider(PaymentProperties properties, PaymentRepository payments) {
		this.properties = properties;
		this.payments = payments;
	}

	record Session(UUID paymentId, BigDecimal amount, String currency) {
	}

	@Override
	public Checkout start(UUID paymentId, BigDecimal amount, String currency, String description) {
		String ref = "sim_" + UUID.randomUUID();
		return new Checkout(ref, URI.create(properties.simulatorBaseUrl() + "/" + ref));
	}

	/** The payment the hosted page {@code ref} is for; null when there is none. */
	@Nullable Session session(String ref) {
		return payments.byProviderRef(ref).flatMap(payments::find)
			.map(payment -> new Session(payment.id(), payment.amount(), payment.currency()))
			.orElse(null);
	}

	@Override
	public String name() {
		return "simulated";
	}

}
