package org.bawaba.eservices.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.eservices.ApplicationPaymentConfirmedV1;
import org.bawaba.eservices.application.Application;
import org.bawaba.eservices.application.ApplicationService;
import org.bawaba.eservices.application.ApplicationStatus;
import org.bawaba.eservices.catalogue.EService;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fees: a checkout at the provider, then its signed callback, applied once. A confirmed payment marks the
 * application paid and publishes {@code payment-confirmed}; a replayed or late callback changes nothing.
 */
@Service
class PaymentService {

	private final PaymentRepository payments;

	private final ApplicationService applications;

	private final PaymentProvider provider;

	private final PaymentProperties properties;

	private final EventPublisher events;

	private final JsonMapper json;

	private final Validator validator;

	PaymentService(PaymentRepository payments, ApplicationService applications, PaymentProvider provider,
			PaymentProperties properties, EventPublisher events, JsonMapper json, Validator validator) {
		this.payments = payments;
		this.applications = applications;
		this.provider = provider;
		this.properties = properties;
		this.events = events;
		this.json = json;
		this.validator = validator;
	}

	/** What the provider tells us about a payment. */
	record Callback(@NotNull UUID paymentId, @NotBlank String providerRef, Payment.@NotNull Status status,
			@NotBlank String amount, @NotBlank String currency, @Nullable @Size(max = 500) String reason) {
	}

	/** The outcome of a callback: {@code replay} when it had been applied already. */
	record CallbackResult(UUID paymentId, Payment.Status status, boolean replay) {
	}

	@Transactional
	Payment start(Caller caller, UUID applicationId) {
		Application application = applications.forCitizen(caller, applicationId);
		if (!application.paymentRequired() || application.paid() || (application.status() != ApplicationStatus.DRAFT
				&& application.status() != ApplicationStatus.SUBMITTED)) {
			throw new ProblemException(HttpStatus.CONFLICT, "payment-not-needed");
		}
		EService service = applications.service(application);
		UUID id = UUID.randomUUID();
		PaymentProvider.Checkout checkout = provider.start(id, application.fee().amount(), application.fee().currency(),
				application.reference() + " " + service.title().en());
		Payment payment = new Payment(id, applicationId, application.fee().amount(), application.fee().currency(),
				Payment.Status.PENDING, checkout.redirectUrl(), null, Instant.now(), null);
		payments.insert(payment, provider.name(), checkout.providerRef());
		return payments.find(id).orElseThrow();
	}

	List<Payment> list(Caller caller, UUID applicationId) {
		return payments.of(applications.visible(caller, applicationId).id());
	}

	/** Applies a signed callback once; the signature is checked on the raw body before anything is read. */
	@Transactional
	CallbackResult callback(byte[] body, @Nullable String signature) {
		if (!CallbackSignature.verify(properties.callbackSecret(), body, signature)) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "payment-signature-invalid");
		}
		Callback callback;
		try {
			callback = json.readValue(body, Callback.class);
		}
		catch (JacksonException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-body");
		}
		if (!validator.validate(callback).isEmpty() || callback.status() == Payment.Status.PENDING) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-request");
		}
		Payment payment = payments.lock(callback.paymentId())
			.filter(p -> payments.byProviderRef(callback.providerRef()).filter(p.id()::equals).isPresent())
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "payment-not-found"));
		if (payment.status() != Payment.Status.PENDING) {
			return new CallbackResult(payment.id(), payment.status(), true);
		}
		Instant now = Instant.now();
		boolean amountMatches = new BigDecimal(callback.amount()).compareTo(payment.amount()) == 0
				&& callback.currency().equals(payment.currency());
		if (callback.status() == Payment.Status.FAILED || !amountMatches) {
			payments.complete(payment.id(), Payment.Status.FAILED,
					amountMatches ? callback.reason() : "amount or currency differs from the fee", now);
			return new CallbackResult(payment.id(), Payment.Status.FAILED, false);
		}
		payments.complete(payment.id(), Payment.Status.PAID, null, now);
		if (applications.markPaid(payment.applicationId(), now)) {
			Application application = applications.forSystem(payment.applicationId());
			events.publish(new ApplicationPaymentConfirmedV1(application.id(), application.serviceCode(),
					application.agency(), application.citizenSubject(), payment.id(),
					payment.amount().movePointRight(2).longValueExact(), payment.currency(), now));
		}
		return new CallbackResult(payment.id(), Payment.Status.PAID, false);
	}

	Payment find(UUID paymentId) {
		return payments.find(paymentId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "payment-not-found"));
	}

}
