package org.bawaba.eservices.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import org.bawaba.platform.ops.SettingException;
import org.bawaba.platform.problem.ProblemException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A provider's checkout API: {@code POST <baseUrl>/checkout-sessions} with the amount, our payment id as
 * merchant reference and the callback and return URLs; it answers the session id and its hosted page.
 */
@Component
@ConditionalOnProperty(name = "eservices.payments.provider", havingValue = "http", matchIfMissing = true)
class HttpPaymentProvider implements PaymentProvider {

	private final RestClient http;

	private final PaymentProperties properties;

	HttpPaymentProvider(RestClient.Builder builder, PaymentProperties properties) {
		if (properties.baseUrl() == null) {
			throw new SettingException("eservices.payments.base-url (ESERVICES_PAYMENTS_BASE_URL)",
					"is not set, and the payment provider is http (the default)",
					"Set it to the installation's payment provider's API; only a local run uses the simulated provider "
							+ "(eservices.payments.provider=simulated)");
		}
		this.http = builder.baseUrl(properties.baseUrl().toString()).build();
		this.properties = properties;
	}

	record SessionRequest(String merchantReference, String amount, String currency, String description,
			String callbackUrl, String returnUrl) {
	}

	record Session(String id, URI redirectUrl) {
	}

	@Override
	public Checkout start(UUID paymentId, BigDecimal amount, String currency, String description) {
		Session session;
		try {
			session = http.post()
				.uri("/checkout-sessions")
				.body(new SessionRequest(paymentId.toString(), amount.toPlainString(), currency, description,
						properties.callbackUrl().toString(), properties.returnUrl() + "?payment=" + paymentId))
				.retrieve()
				.body(Session.class);
		}
		catch (RestClientException ex) {
			throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment-provider-failed");
		}
		if (session == null || session.id() == null || session.redirectUrl() == null) {
			throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment-provider-failed");
		}
		return new Checkout(session.id(), session.redirectUrl());
	}

	@Override
	public String name() {
		return "http";
	}

}
