package org.bawaba.eservices.payment;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "Fees paid on the provider's hosted page, confirmed by its signed callback")
class PaymentController {

	private final PaymentService payments;

	PaymentController(PaymentService payments) {
		this.payments = payments;
	}

	@PostMapping("/applications/{id}/payments")
	@Operation(summary = "Start paying the fee (the applicant): answers the provider's hosted page to redirect to")
	ResponseEntity<Payment> start(@PathVariable UUID id, Caller caller) {
		Payment payment = payments.start(caller, id);
		return ResponseEntity.created(URI.create("/applications/" + id + "/payments/" + payment.id()))
			.location(payment.redirectUrl())
			.body(payment);
	}

	@GetMapping("/applications/{id}/payments")
	@Operation(summary = "The payments of an application")
	List<Payment> list(@PathVariable UUID id, Caller caller) {
		return payments.list(caller, id);
	}

	@PostMapping(path = "/payments/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The provider's callback, signed X-Payment-Signature: sha256=<HMAC-SHA256 of the body>; idempotent")
	PaymentService.CallbackResult callback(@RequestBody byte[] body,
			@RequestHeader(name = CallbackSignature.HEADER, required = false) @Nullable String signature) {
		return payments.callback(body, signature);
	}

	@GetMapping("/payments/return")
	@Operation(summary = "Where the hosted page sends the citizen back: the payment's status and its application")
	Map<String, Object> returned(@RequestParam UUID payment) {
		Payment found = payments.find(payment);
		return Map.of("paymentId", payment, "status", found.status(), "applicationId", found.applicationId());
	}

}
