package org.bawaba.gateway.problem;

import java.net.URI;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problem details on a response. Shared by the error handler and the security entry point
 * and access-denied handler, so every error the gateway itself produces has the same shape.
 */
@Component
public class ProblemResponses {

	static final String TYPE_BASE = "https://bawaba.org/problems/";

	private final JsonMapper jsonMapper;

	ProblemResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Sets the status, replaces any body headers left by a failed downstream call and writes the
	 * problem. Headers such as {@code WWW-Authenticate} or {@code Allow} set before are kept.
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
		Problem problem = problem(status, detail, exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		headers.remove(HttpHeaders.TRANSFER_ENCODING);
		headers.remove(HttpHeaders.CONTENT_ENCODING);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setCacheControl("no-store");
		DataBuffer body = response.bufferFactory().wrap(this.jsonMapper.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(body));
	}

	static Problem problem(HttpStatusCode status, String detail, String instance) {
		return new Problem(type(status), title(status), status.value(), detail, instance);
	}

	/** A stable type URI per status, e.g. {@code https://bawaba.org/problems/not-found}. */
	static URI type(HttpStatusCode status) {
		String slug = switch (status.value()) {
			case 400 -> "bad-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "content-too-large";
			case 415 -> "unsupported-media-type";
			case 429 -> "too-many-requests";
			case 502 -> "bad-gateway";
			case 503 -> "service-unavailable";
			case 504 -> "gateway-timeout";
			default -> status.is4xxClientError() ? "client-error" : "internal-error";
		};
		return URI.create(TYPE_BASE + slug);
	}

	static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
	}

}
