package org.bawaba.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests a service legitimately takes longer than its time limit to start answering: uploads
 * (multipart bodies, chunked bodies, bodies larger than {@code body-size-over}: the service answers
 * once it has read them all), live streams ({@code Accept: text/event-stream}) and configured paths.
 * {@link ServiceCircuitBreakerGatewayFilterFactory} lets them through without the per-service time
 * limiter; the HTTP client's response timeout (time to the service's response headers) still applies.
 *
 * @param paths gateway paths (Ant patterns) whose services take long to start answering
 * @param bodySizeOver a request body larger than this is an upload
 */
@ConfigurationProperties("bawaba.routing.long-running")
public record LongRunningRequests(List<String> paths, DataSize bodySizeOver) {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	public LongRunningRequests {
		paths = (paths != null) ? List.copyOf(paths) : List.of();
		bodySizeOver = (bodySizeOver != null) ? bodySizeOver : DataSize.ofMegabytes(1);
	}

	/** Whether the exchange's request uploads, streams or takes long, judged on the path the caller sent. */
	public boolean test(ServerWebExchange exchange) {
		Set<URI> originals = exchange.getAttributeOrDefault(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR,
				Set.of());
		String path = originals.isEmpty() ? exchange.getRequest().getPath().pathWithinApplication().value()
				: originals.iterator().next().getRawPath();
		return test(exchange.getRequest(), path);
	}

	/** Whether {@code request}, sent to {@code path}, uploads, streams or takes long rather than asks a question. */
	public boolean test(ServerHttpRequest request, String path) {
		HttpHeaders headers = request.getHeaders();
		if (headers.getAccept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype)) {
			return true;
		}
		MediaType contentType = headers.getContentType();
		if (contentType != null && "multipart".equalsIgnoreCase(contentType.getType())) {
			return true;
		}
		long length = headers.getContentLength();
		if (length > this.bodySizeOver.toBytes()) {
			return true;
		}
		if (length < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return true;
		}
		return this.paths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
	}

}
