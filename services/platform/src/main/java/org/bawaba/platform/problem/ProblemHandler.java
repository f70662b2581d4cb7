package org.bawaba.platform.problem;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.bawaba.platform.web.PayloadTooLargeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches Spring MVC into {@code application/problem+json}: a stable
 * {@code type}, a title and detail in the caller's language, field errors for validation, the
 * correlation id. Bad input is a 4xx, never a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private final Problems problems;

	public ProblemHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
		ProblemDetail problem = problems.create(ex.status(), ex.slug(), locale(), ex.args());
		return respond(problem, request, new HttpHeaders());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
		return respond(problems.create(HttpStatus.FORBIDDEN, "forbidden", locale()), request, new HttpHeaders());
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return respond(problems.create(HttpStatus.UNAUTHORIZED, "unauthorized", locale()), request, headers);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<Map<String, Object>> errors = ex.getConstraintViolations().stream()
			.map(violation -> fieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale());
		problem.setProperty("errors", errors);
		return respond(problem, request, new HttpHeaders());
	}

	@ExceptionHandler(CallNotPermittedException.class)
	ResponseEntity<Object> handleOpenCircuit(CallNotPermittedException ex, WebRequest request) {
		log.warn("Call refused by an open circuit breaker: {}", ex.getMessage());
		return respond(problems.create(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", locale()), request,
				new HttpHeaders());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return respond(problems.create(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large-upload", locale()), request,
					new HttpHeaders());
		}
		return respond(problems.create(HttpStatus.BAD_REQUEST, "malformed-multipart", locale()), request,
				new HttpHeaders());
	}

	/** A query or form parameter that is not valid UTF-8 (Tomcat refuses to decode it when it is read). */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> handleUndecodableParameter(InvalidParameterException ex, WebRequest request) {
		return respond(problems.create(HttpStatus.BAD_REQUEST, "undecodable-parameter", locale()), request,
				new HttpHeaders());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		String dataState = dataExceptionState(ex);
		if (dataState != null) {
			// PostgreSQL refused a value the API let through (SQLSTATE class 22: too long, out of range, a NUL
			// character, a negative offset): the caller's input, not our failure; the transaction rolled back
			log.info("Refused a value the database does not accept ({}) answering {}", dataState, description(request));
			return respond(problems.create(HttpStatus.BAD_REQUEST, "value-not-storable", locale()), request,
					new HttpHeaders());
		}
		log.error("Unexpected error answering {}", description(request), ex);
		return respond(problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", locale()), request,
				new HttpHeaders());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = translate(ex, statusCode);
		if (statusCode.is5xxServerError()) {
			log.error("Error answering {}", description(request), ex);
		}
		return respond(problem, request, headers);
	}

	private ProblemDetail translate(Exception ex, HttpStatusCode statusCode) {
		Locale locale = locale();
		return switch (ex) {
			case HttpMessageNotReadableException notReadable -> unreadable(notReadable, locale);
			case MethodArgumentNotValidException invalid -> validation(invalid.getBindingResult(), locale);
			case HandlerMethodValidationException invalid -> {
				ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale);
				List<Map<String, Object>> errors = new ArrayList<>();
				invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
					.forEach(error -> errors.add(fieldError(parameterName(result.getMethodParameter()
						.getParameterName(), error), message(error, locale)))));
				problem.setProperty("errors", errors);
				yield problem;
			}
			case TypeMismatchException mismatch -> problems.create(HttpStatus.BAD_REQUEST, "invalid-parameter", locale,
					mismatch.getPropertyName());
			case MissingServletRequestParameterException missing -> problems.create(HttpStatus.BAD_REQUEST,
					"missing-parameter", locale, missing.getParameterName());
			case ServletRequestBindingException binding -> problems.create(HttpStatus.BAD_REQUEST, "bad-request",
					locale);
			case MaxUploadSizeExceededException tooLarge -> problems.create(HttpStatus.CONTENT_TOO_LARGE,
					"payload-too-large", locale);
			case HttpRequestMethodNotSupportedException method -> problems.create(HttpStatus.METHOD_NOT_ALLOWED,
					"method-not-allowed", locale, method.getMethod());
			case HttpMediaTypeNotSupportedException media -> problems.create(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"unsupported-media-type", locale, String.valueOf(media.getContentType()));
			case HttpMediaTypeNotAcceptableException media -> problems.create(HttpStatus.NOT_ACCEPTABLE,
					"not-acceptable", locale);
			case NoResourceFoundException notFound -> problems.create(HttpStatus.NOT_FOUND, "not-found", locale);
			case NoHandlerFoundException notFound -> problems.create(HttpStatus.NOT_FOUND, "not-found", locale);
			default -> statusCode.is4xxClientError() ? problems.create(statusCode, "bad-request", locale)
					: problems.create(statusCode, "internal-error", locale);
		};
	}

	/** The SQLSTATE of a "data exception" (class 22) among the causes, or null. */
	static @Nullable String dataExceptionState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private ProblemDetail unreadable(HttpMessageNotReadableException ex, Locale locale) {
		Throwable cause = ex.getCause();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof PayloadTooLargeException tooLarge) {
				return problems.create(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", locale,
						tooLarge.limit());
			}
		}
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", "));
			return problems.create(HttpStatus.BAD_REQUEST, "invalid-enum", locale, path(invalid), allowed);
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return problems.create(HttpStatus.BAD_REQUEST, "invalid-value", locale, path(mismatch));
		}
		if (cause instanceof MismatchedInputException) {
			// valid JSON of the wrong shape, e.g. [] or "text" where an object is expected
			return problems.create(HttpStatus.BAD_REQUEST, "wrong-shape", locale);
		}
		if (cause instanceof StreamReadException || cause instanceof JacksonException) {
			return problems.create(HttpStatus.BAD_REQUEST, "malformed-body", locale);
		}
		return problems.create(HttpStatus.BAD_REQUEST, "malformed-body", locale);
	}

	private ProblemDetail validation(BindingResult result, Locale locale) {
		ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale);
		List<Map<String, Object>> errors = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.add(fieldError(error.getField(), message(error, locale)));
		}
		result.getGlobalErrors().forEach(error -> errors.add(fieldError(error.getObjectName(), message(error, locale))));
		problem.setProperty("errors", errors);
		return problem;
	}

	private String message(MessageSourceResolvable error, Locale locale) {
		String[] codes = error.getCodes();
		if (codes != null) {
			for (String code : codes) {
				String found = problems.message(code, error.getArguments(), locale, null);
				if (found != null) {
					return found;
				}
			}
		}
		return error.getDefaultMessage() != null ? error.getDefaultMessage() : "invalid";
	}

	private static String parameterName(@Nullable String parameter, MessageSourceResolvable error) {
		if (error instanceof FieldError fieldError) {
			return fieldError.getField();
		}
		return parameter != null ? parameter : "parameter";
	}

	private static Map<String, Object> fieldError(String field, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request, HttpHeaders headers) {
		if (request instanceof ServletWebRequest servlet) {
			HttpServletRequest http = servlet.getRequest();
			problem.setInstance(URI.create(http.getRequestURI()));
		}
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static String description(WebRequest request) {
		return request.getDescription(false);
	}

}
