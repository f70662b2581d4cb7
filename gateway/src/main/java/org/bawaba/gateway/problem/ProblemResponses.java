package org.bawaba.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problem details on a response, in the caller's language. Shared by the error handler,
 * the security handlers, the rate limiter and the hardening filters, so every error the gateway
 * itself produces has the same shape ({@link ProblemMessages}).
 * <p>
 * A browser that asked for a page (a {@code GET} whose {@code Accept} names HTML and no JSON: an address typed
 * or followed, not the portal's scripts) gets the same problem as a page instead, in its language, with the same
 * status and a way back to the portal: when a service is down, a person sees a sentence, not JSON. The page
 * needs nothing else from the platform (its style is inline), since the portal may be what is down.
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
		headers.setContentLanguage(locale);
		headers.setCacheControl("no-store");
		if (wantsPage(request)) {
			headers.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
			return response.writeWith(Mono.just(response.bufferFactory().wrap(page(problem, locale))));
		}
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory().wrap(this.jsonMapper.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(body));
	}

	/** A page navigation: GET or HEAD, accepting HTML and no JSON (browsers' scripts ask for JSON). */
	static boolean wantsPage(ServerHttpRequest request) {
		if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
			return false;
		}
		List<MediaType> accepted;
		try {
			accepted = request.getHeaders().getAccept();
		}
		catch (IllegalArgumentException malformed) { // InvalidMediaTypeException: answered as JSON
			return false;
		}
		return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType())
				&& accepted.stream().noneMatch(type -> !type.isWildcardType() && type.getSubtype().endsWith("json"));
	}

	private static byte[] page(Problem problem, Locale locale) {
		boolean arabic = "ar".equals(locale.getLanguage());
		String title = HtmlUtils.htmlEscape(problem.title());
		String html = """
				<!doctype html>
				<html lang="%s" dir="%s"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s · %s</title>
				<style>body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f}header{background:#8a1538;color:#fff;padding:1rem 1.5rem;font-weight:600}main{max-width:40rem;padding:2rem 1.5rem}a{color:#8a1538}</style>
				</head><body><header>%s</header>
				<main id="main"><h1>%s</h1><p>%s</p><p><a href="/%s/">%s</a> · <a href="/%s/" lang="%s">%s</a></p>
				<p><small>%s %d</small></p></main></body></html>
				""".formatted(arabic ? "ar" : "en", arabic ? "rtl" : "ltr", title, arabic ? "بوابة" : "Bawaba",
				arabic ? "بوابة" : "Bawaba", title, HtmlUtils.htmlEscape(problem.detail()), arabic ? "ar" : "en",
				arabic ? "العودة إلى البوابة" : "Back to the portal", arabic ? "en" : "ar", arabic ? "en" : "ar",
				arabic ? "English" : "العربية", arabic ? "رمز الخطأ" : "Error", problem.status());
		return html.getBytes(StandardCharsets.UTF_8);
	}

}
