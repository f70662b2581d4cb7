package org.bawaba.platform.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bawaba.client.*}: defaults for calls to other services.
 *
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time to wait for a response
 * @param retryAttempts attempts of an idempotent call (GET, HEAD, PUT, DELETE, OPTIONS) on I/O errors, 502, 503, 504
 * @param retryWait wait before the second attempt, doubled each time
 * @param failureRateThreshold percentage of failed calls that opens a service's circuit breaker
 * @param slidingWindowSize calls the failure rate is computed over
 * @param openStateWait how long an open circuit answers 503 at once before letting trial calls through
 * @param registrationId the {@code spring.security.oauth2.client.registration.<id>} used for the service's own
 *        client credentials
 */
@ConfigurationProperties("bawaba.client")
public record ClientProperties(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
		@DefaultValue("3") int retryAttempts, @DefaultValue("200ms") Duration retryWait,
		@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindowSize,
		@DefaultValue("10s") Duration openStateWait, @DefaultValue("bawaba") String registrationId) {
}
