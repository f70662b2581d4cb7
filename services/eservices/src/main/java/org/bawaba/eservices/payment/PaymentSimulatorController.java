package org.bawaba.eservices.payment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bawaba.platform.problem.ProblemException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The simulated provider's hosted page (local runs only): "Pay" or "Decline" sends the signed callback
 * through the same check as a real provider's, then redirects the citizen to the return URL.
 */
@RestController
@ConditionalOnProperty(name = "eservices.payments.provider", havingValue = "simulated")
@Tag(name = "Payment simulator", description = "The hosted page of the simulated payment provider (local runs)")
class PaymentSimulatorController {

	private final SimulatedPaymentProvider provider;

	private final PaymentService payments;

	private final PaymentProperties properties;

	private final JsonMapper json;

	PaymentSimulatorController(SimulatedPaymentProvider provider, PaymentService payments,
			PaymentProperties properties, JsonMapper json) {
		this.provider = provider;
		this.payments = payments;
		this.properties = properties;
		this.json = json;
	}

	@GetMapping(path = "/payment-simulator/{ref}", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The hosted payment page, in the browser's language (Arabic or English)")
	String page(@PathVariable String ref, Locale locale) {
		SimulatedPaymentProvider.Session session = session(ref);
		String escaped = HtmlUtils.htmlEscape(ref);
		boolean arabic = "ar".equals(locale.getLanguage());
		// the portal's stylesheet, through the same gateway: the page looks like the rest of the journey
		return """
				<!doctype html><html lang="%s" dir="%s"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title><link rel="stylesheet" href="/portal.css"></head>
				<body><header class="site-header"><div class="bar"><span class="brand-name">%s</span></div></header>
				<main id="main"><h1>%s</h1><p class="lead">%s</p><p class="hint">%s</p>
				<div class="actions">
				<form method="post" action="%s/pay?outcome=success"><button class="primary">%s</button></form>
				<form method="post" action="%s/pay?outcome=failure"><button>%s</button></form></div></main></body></html>"""
			.formatted(arabic ? "ar" : "en", arabic ? "rtl" : "ltr",
					arabic ? "الدفع التجريبي · بوابة" : "Simulated payment · Bawaba", arabic ? "بوابة" : "Bawaba",
					arabic ? "الدفع التجريبي" : "Simulated payment",
					(arabic ? "رسوم طلبك: " : "The fee for your application: ") + session.amount().toPlainString() + " "
							+ (arabic && "QAR".equals(session.currency()) ? "ريال قطري" : session.currency()),
					arabic ? "هذه صفحة تجريبية للتشغيل المحلي: لا يُحصَّل أي مبلغ."
							: "A page for local runs only: no money is taken.",
					escaped, arabic ? "ادفع" : "Pay", escaped, arabic ? "ارفض" : "Decline");
	}

	@PostMapping("/payment-simulator/{ref}/pay")
	@Operation(summary = "Pay or decline on the hosted page: sends the signed callback, then redirects back")
	ResponseEntity<Void> pay(@PathVariable String ref, @RequestParam(defaultValue = "success") String outcome) {
		SimulatedPaymentProvider.Session session = session(ref);
		Map<String, Object> callback = new LinkedHashMap<>();
		callback.put("paymentId", session.paymentId().toString());
		callback.put("providerRef", ref);
		callback.put("status", "success".equals(outcome) ? "PAID" : "FAILED");
		callback.put("amount", session.amount().toPlainString());
		callback.put("currency", session.currency());
		if (!"success".equals(outcome)) {
			callback.put("reason", "declined on the simulated page");
		}
		byte[] body = json.writeValueAsString(callback).getBytes(StandardCharsets.UTF_8);
		payments.callback(body, CallbackSignature.sign(properties.callbackSecret(), body));
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create(properties.returnUrl() + "?payment=" + session.paymentId()))
			.build();
	}

	private SimulatedPaymentProvider.Session session(String ref) {
		SimulatedPaymentProvider.Session session = provider.session(ref);
		if (session == null) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "payment-not-found");
		}
		return session;
	}

}
