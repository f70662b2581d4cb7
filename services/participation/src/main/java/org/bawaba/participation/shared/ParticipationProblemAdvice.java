package org.bawaba.participation.shared;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.bawaba.platform.problem.Problems;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Field errors found by the service itself, in the platform's problem format. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParticipationProblemAdvice {

	private final Problems problems;

	ParticipationProblemAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException ex, HttpServletRequest request) {
		ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation-failed",
				LocaleContextHolder.getLocale());
		problem.setProperty("errors", ex.errors());
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.badRequest().body(problem);
	}

}
