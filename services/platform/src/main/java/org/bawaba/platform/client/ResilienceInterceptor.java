package org.bawaba.platform.client;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Circuit breaker per target service, and retries with exponential back-off for idempotent calls that
 * failed with an I/O error or 502/503/504. An open circuit throws {@code CallNotPermittedException},
 * which the problem handler answers with 503.
 */
class ResilienceInterceptor implements ClientHttpRequestInterceptor {

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.PUT, HttpMethod.DELETE);

	private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);

	private final CircuitBreaker circuitBreaker;

	private final ClientProperties properties;

	ResilienceInterceptor(CircuitBreaker circuitBreaker, ClientProperties properties) {
		this.circuitBreaker = circuitBreaker;
		this.properties = properties;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		int attempts = IDEMPOTENT.contains(request.getMethod()) ? Math.max(1, properties.retryAttempts()) : 1;
		long wait = properties.retryWait().toMillis();
		for (int attempt = 1;; attempt++) {
			circuitBreaker.acquirePermission();
			long start = System.nanoTime();
			try {
				ClientHttpResponse response = execution.execute(request, body);
				int status = response.getStatusCode().value();
				if (status >= 500) {
					circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS,
							new IOException("HTTP " + status));
					if (attempt < attempts && RETRYABLE_STATUS.contains(status)) {
						response.close();
						pause(wait);
						wait *= 2;
						continue;
					}
				}
				else {
					circuitBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				}
				return response;
			}
			catch (IOException ex) {
				circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
				if (attempt >= attempts) {
					throw ex;
				}
				pause(wait);
				wait *= 2;
			}
		}
	}

	private static void pause(long millis) throws IOException {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting to retry", ex);
		}
	}

}
