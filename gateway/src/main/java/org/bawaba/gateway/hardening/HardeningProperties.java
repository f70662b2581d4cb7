package org.bawaba.gateway.hardening;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code bawaba.hardening.*}: what the front door refuses, removes and adds.
 *
 * @param maxBodySize the largest request body routed to a service
 * @param maxBodySizes a larger or smaller limit for one service (by its Eureka name)
 * @param maxUriLength the longest request address (path and query), in characters
 * @param maxHeaderSize the largest total of a request's headers
 * @param requestHeaders which request headers the gateway accepts, and which of them it passes on
 * @param strictTransportSecurity the {@code Strict-Transport-Security} value on every answer
 * @param portalContentSecurityPolicy the {@code Content-Security-Policy} on pages the gateway
 * serves itself (everything outside {@code /api/}), unless the answer has one
 * @param cors the origins whose pages may call the API from a browser
 */
@ConfigurationProperties("bawaba.hardening")
record HardeningProperties(DataSize maxBodySize, Map<String, DataSize> maxBodySizes, DataSize maxUriLength,
		DataSize maxHeaderSize, RequestHeaders requestHeaders, String strictTransportSecurity,
		String portalContentSecurityPolicy, Cors cors) {

	HardeningProperties {
		maxBodySize = (maxBodySize != null) ? maxBodySize : DataSize.ofMegabytes(1);
		maxBodySizes = (maxBodySizes != null) ? Map.copyOf(maxBodySizes) : Map.of();
		maxUriLength = (maxUriLength != null) ? maxUriLength : DataSize.ofKilobytes(4);
		maxHeaderSize = (maxHeaderSize != null) ? maxHeaderSize : DataSize.ofKilobytes(8);
		requestHeaders = (requestHeaders != null) ? requestHeaders : new RequestHeaders(null, null);
		cors = (cors != null) ? cors : new Cors(List.of(), List.of(), List.of(), null);
	}

	DataSize maxBodySize(String service) {
		return this.maxBodySizes.getOrDefault(service, this.maxBodySize);
	}

	/**
	 * Request headers by allow-list; a name ending in {@code *} is a prefix. A header on neither list
	 * is removed from the request as soon as it arrives.
	 *
	 * @param forwarded headers a caller may send that go on to the service
	 * @param gatewayOnly headers a caller may send that the gateway reads itself and never passes
	 * on (the session cookie, the CSRF token, CORS)
	 */
	record RequestHeaders(List<String> forwarded, List<String> gatewayOnly) {

		RequestHeaders {
			forwarded = (forwarded != null) ? List.copyOf(forwarded) : List.of();
			gatewayOnly = (gatewayOnly != null) ? List.copyOf(gatewayOnly) : List.of();
		}

	}

	/**
	 * Cross-origin calls from browsers. With no origin configured, every cross-origin request is
	 * refused.
	 *
	 * @param allowedOrigins exact origins, e.g. {@code https://portal.example.gov}
	 * @param allowedMethods methods a cross-origin page may use
	 * @param allowedHeaders request headers a cross-origin page may send
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	record Cors(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
			Duration maxAge) {

		Cors {
			allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
			allowedMethods = (allowedMethods != null && !allowedMethods.isEmpty()) ? List.copyOf(allowedMethods)
					: List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
			allowedHeaders = (allowedHeaders != null && !allowedHeaders.isEmpty()) ? List.copyOf(allowedHeaders)
					: List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "X-XSRF-TOKEN");
			maxAge = (maxAge != null) ? maxAge : Duration.ofMinutes(30);
		}

	}

}
