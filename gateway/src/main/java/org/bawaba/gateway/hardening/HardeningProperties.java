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
 * @param stripRequestHeaders request headers removed from every incoming request, by name: they
 * would let a caller pose as a proxy or as somebody else
 * @param stripRequestHeaderPrefixes request headers removed by the start of their name
 * @param strictTransportSecurity the {@code Strict-Transport-Security} value on every answer
 * @param portalContentSecurityPolicy the {@code Content-Security-Policy} on pages the gateway
 * serves itself (everything outside {@code /api/}), unless the answer has one
 * @param cors the origins whose pages may call the API from a browser
 */
@ConfigurationProperties("bawaba.hardening")
record HardeningProperties(DataSize maxBodySize, Map<String, DataSize> maxBodySizes,
		List<String> stripRequestHeaders, List<String> stripRequestHeaderPrefixes, String strictTransportSecurity,
		String portalContentSecurityPolicy, Cors cors) {

	HardeningProperties {
		maxBodySize = (maxBodySize != null) ? maxBodySize : DataSize.ofMegabytes(1);
		maxBodySizes = (maxBodySizes != null) ? Map.copyOf(maxBodySizes) : Map.of();
		stripRequestHeaders = (stripRequestHeaders != null) ? List.copyOf(stripRequestHeaders) : List.of();
		stripRequestHeaderPrefixes = (stripRequestHeaderPrefixes != null) ? List.copyOf(stripRequestHeaderPrefixes)
				: List.of();
		cors = (cors != null) ? cors : new Cors(List.of(), List.of(), List.of(), null);
	}

	DataSize maxBodySize(String service) {
		return this.maxBodySizes.getOrDefault(service, this.maxBodySize);
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
