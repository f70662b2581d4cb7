package org.bawaba.opendata.ckan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.bawaba.opendata.datastore.InvalidQueryException;
import org.bawaba.opendata.web.OpendataProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the CKAN Action API in CKAN's envelope ({@code success: false}), not problem+json: CKAN clients read it. */
@RestControllerAdvice(assignableTypes = CkanController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CkanAdvice {

	private static final Logger log = LoggerFactory.getLogger(CkanAdvice.class);

	private final OpendataProperties properties;

	CkanAdvice(OpendataProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler(CkanException.class)
	ResponseEntity<Map<String, Object>> ckan(CkanException ex, HttpServletRequest request) {
		return envelope(ex.status(), ex.error(), request);
	}

	@ExceptionHandler(InvalidQueryException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidQueryException ex, HttpServletRequest request) {
		CkanException error = CkanException.validation(ex.parameter(), List.of(ex.getMessage()));
		return envelope(error.status(), error.error(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex, HttpServletRequest request) {
		log.error("CKAN action {} failed", request.getRequestURI(), ex);
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("__type", "Internal Server Error");
		error.put("message", "Internal Server Error");
		return envelope(500, error, request);
	}

	private ResponseEntity<Map<String, Object>> envelope(int status, Map<String, Object> error,
			HttpServletRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("help", CkanController.help(properties, request.getRequestURI()));
		body.put("success", false);
		body.put("error", error);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
