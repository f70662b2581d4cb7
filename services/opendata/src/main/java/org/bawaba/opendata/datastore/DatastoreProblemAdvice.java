package org.bawaba.opendata.datastore;

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

/** Malformed files and impossible queries as 400 problem+json, with the line and the reason. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatastoreProblemAdvice {

	private static final Locale ARABIC = Locale.forLanguageTag("ar");

	private final Problems problems;

	private final MessageSource messages;

	DatastoreProblemAdvice(Problems problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@ExceptionHandler(MalformedFileException.class)
	ResponseEntity<ProblemDetail> malformed(MalformedFileException ex, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		String english = messages.getMessage("reason." + ex.code(), ex.args(), Locale.ENGLISH);
		String arabic = messages.getMessage("reason." + ex.code(), ex.args(), ARABIC);
		ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "malformed-file", locale, ex.line(),
				"ar".equals(locale.getLanguage()) ? arabic : english);
		problem.setProperty("line", ex.line());
		problem.setProperty("reason", "ar".equals(locale.getLanguage()) ? arabic : english);
		problem.setProperty("reasonCode", ex.code());
		problem.setProperty("reasons", Map.of("en", english, "ar", arabic));
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(InvalidQueryException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidQueryException ex, HttpServletRequest request) {
		ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "invalid-parameter",
				LocaleContextHolder.getLocale(), ex.parameter());
		problem.setProperty("errors", java.util.List.of(Map.of("field", ex.parameter(), "message", ex.getMessage())));
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.badRequest().body(problem);
	}

}
