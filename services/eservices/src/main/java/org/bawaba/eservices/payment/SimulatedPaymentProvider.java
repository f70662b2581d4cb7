package org.bawaba.eservices.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A stand-in provider for local runs: its hosted page is served by this service
 * ({@link PaymentSimulatorController}) and answers with a callback signed like a real provider's.
 */
@Component
@ConditionalOnProperty(name = "eservices.payments.provider", havingValue = "simulated")
class SimulatedPaymentProvider implements PaymentProvider {

	private final PaymentProperties properties;

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	SimulatedPaymentProvider(PaymentProperties properties) {
		this.properties = properties;
	}

	record Session(UUID paymentId, BigDecimal amount, String currency, String description) {
	}

	@Override
	public Checkout start(UUID paymentId, BigDecimal amount, String currency, String description) {
		String ref = "sim_" + UUID.randomUUID();
		sessions.put(ref, new Session(paymentId, amount, currency, description));
		return new Checkout(ref, URI.create(properties.simulatorBaseUrl() + "/" + ref));
	}

	Session session(String ref) {
		return sessions.get(ref);
	}

	@Override
	public String name() {
		return "simulated";
	}

}
