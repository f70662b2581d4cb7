package org.bawaba.portal.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors become pages in the person's language, never a stack trace or a service's raw
 * problem+json: a service's refusal shows its (already translated) message; a service that cannot
 * be reached, a short apology; a page that needs a signed-in person sends the browser to sign in.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	@ExceptionHandler(SignInRequired.class)
	String signIn(HttpServletRequest request) {
		return "redirect:" + SignIn.url(request);
	}

	@ExceptionHandler(RestClientResponseException.class)
	Object refused(RestClientResponseException error, HttpServletRequest request, HttpServletResponse response) {
		if (error.getStatusCode().value() == 401) {
			return signIn(request);
		}
		Problem problem = Problem.of(error);
		int status = error.getStatusCode().is5xxServerError() ? 502 : problem.status();
		if (status >= 500) {
			log.warn("{} {}: a service answered {}", request.getMethod(), request.getRequestURI(), problem.status());
		}
		return page(request, response, status, problem.status() >= 500 ? null : problem.message());
	}

	@ExceptionHandler({ ResourceAccessException.class, CallNotPermittedException.class })
	ModelAndView unavailable(Exception error, HttpServletRequest request, HttpServletResponse response) {
		log.warn("{} {}: a service could not be reached: {}", request.getMethod(), request.getRequestURI(),
				error.getMessage());
		return page(request, response, 503, null);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badRequest(HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 400, null);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 413, null);
	}

	/** Spring MVC's own refusals (an unknown page, a wrong method) by their status; anything else is a 500. */
	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception error, HttpServletRequest request, HttpServletResponse response) {
		if (error instanceof ErrorResponse refusal) {
			return page(request, response, refusal.getStatusCode().value(), null);
		}
		log.error("{} {} failed", request.getMethod(), request.getRequestURI(), error);
		return page(request, response, 500, null);
	}

	static ModelAndView page(HttpServletRequest request, HttpServletResponse response, int status,
			@Nullable String detail) {
		response.setStatus(status);
		ModelAndView page = new ModelAndView("error", PageModel.frame(request));
		page.addObject("status", status);
		page.addObject("detail", detail);
		return page;
	}

}
