package org.bawaba.notifications.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.bawaba.platform.problem.Problems;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Field errors found by the service itself, in the platform's problem format, in English and Arabic. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationsProblemAdvice {

	private static final Locale ARABIC = Locale.forLanguageTag("ar");

	private final Problems problems;

	private final MessageSource messages;

	NotificationsProblemAdvice(Problems problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException ex, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale);
		problem.setProperty("errors", ex.errors().stream().map(error -> {
			String en = messages.getMessage(error.code(), error.args(), Locale.ENGLISH);
			String ar = messages.getMessage(error.code(), error.args(), ARABIC);
			return Map.of("field", error.field(), "message", "ar".equals(locale.getLanguage()) ? ar : en, "messages",
					Map.of("en", en, "ar", ar));
		}).toList());
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.badRequest().body(problem);
	}

}
