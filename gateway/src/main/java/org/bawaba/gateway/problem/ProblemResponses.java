package org.bawaba.gateway.problem;

import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problem details on a response, in the caller's language. Shared by the error handler,
 * the security handlers, the rate limiter and the hardening filters, so every error the gateway
 * itself produces has the same shape ({@link ProblemMessages}).
 */
@Component
public class ProblemResponses {

	private final JsonMapper jsonMapper;

	private final ProblemMessages messages = new ProblemMessages();

	ProblemResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/** Writes the problem of {@code type} with its own status. */
	public Mono<Void> write(ServerWebExchange exchange, ProblemType type, Object... args) {
		return write(exchange, type.status(), type, args);
	}

	/**
	 * Writes the problem of {@code type} with a status of the same kind (an unusual 4xx as
	 * {@link ProblemType#CLIENT_ERROR}, for instance): sets the status, replaces any body headers left
	 * by a failed downstream call and writes the problem in the caller's language. Headers such as
	 * {@code WWW-Authenticate} or {@code Allow} set before are kept.
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, ProblemType type, Object... args) {
		ServerHttpRequest request = exchange.getRequest();
		Locale locale = ProblemMessages.locale(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
		Problem problem = this.messages.problem(type, status, locale, request.getPath().value(), args);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
		HttpHeaders headers = response.getHeaders();
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		headers.remove(HttpHeaders.TRANSFER_ENCODING);
		headers.remove(HttpHeaders.CONTENT_ENCODING);
		headers.remove(HttpHeaders.CONTENT_LANGUAGE);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLanguage(locale);
		headers.setCacheControl("no-store");
		DataBuffer body = response.bufferFactory().wrap(this.jsonMapper.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(body));
	}

}
