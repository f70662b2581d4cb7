package org.bawaba.contracts.eservices;

import java.time.Instant;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * The payment provider confirmed that the fee of an application is paid.
 *
 * @param applicationId the application
 * @param serviceCode the catalogue code of the e-service
 * @param agency the agency the fee is for
 * @param citizenSubject the payer's pseudonymous subject (Keycloak {@code sub})
 * @param paymentId the payment
 * @param amountMinor the amount in the currency's minor unit (dirhams for QAR)
 * @param currency ISO 4217 currency code
 * @param paidAt when the provider confirmed it
 */
@EventType(value = ApplicationPaymentConfirmedV1.TYPE, topic = Topics.ESERVICES_APPLICATIONS)
public record ApplicationPaymentConfirmedV1(UUID applicationId, String serviceCode, String agency,
		String citizenSubject, UUID paymentId, long amountMinor, String currency, Instant paidAt)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.application.payment-confirmed.v1";

	@Override
	public String entityId() {
		return applicationId.toString();
	}

}
