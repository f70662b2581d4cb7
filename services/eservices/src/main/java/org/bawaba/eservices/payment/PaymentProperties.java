package org.bawaba.eservices.payment;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code eservices.payments.*}.
 * @param provider {@code http} (the default: a provider's checkout API at {@code baseUrl}) or {@code simulated}
 *        (a hosted page inside this service that marks a payment paid for anyone holding its reference: local
 *        runs and tests only)
 * @param baseUrl the provider's API, for {@code http}
 * @param callbackSecret the shared secret of the HMAC-SHA256 signature of callbacks
 * @param callbackUrl where the provider sends the signed callback
 * @param returnUrl where the hosted page sends the citizen back
 * @param simulatorBaseUrl the simulated provider's hosted page, as the browser reaches it
 */
@ConfigurationProperties("eservices.payments")
@Validated
record PaymentProperties(@DefaultValue("http") @Pattern(regexp = "simulated|http") String provider,
		@Nullable URI baseUrl, @NotBlank @Size(min = 16) String callbackSecret,
		@DefaultValue("http://localhost:8080/api/eservices/payments/callback") @NotNull URI callbackUrl,
		@DefaultValue("http://localhost:8080/payments/return") @NotNull URI returnUrl,
		@DefaultValue("http://localhost:8080/api/eservices/payment-simulator") @NotNull URI simulatorBaseUrl) {
}
