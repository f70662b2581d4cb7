package org.bawaba.opendata.ckan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CKAN action error: the HTTP status and the {@code error} object of CKAN's envelope
 * ({@code __type} and {@code message}, or a Validation Error's field → messages).
 */
class CkanException extends RuntimeException {

	private final int status;

	private final transient Map<String, Object> error;

	private CkanException(int status, Map<String, Object> error) {
		super(String.valueOf(error));
		this.status = status;
		this.error = error;
	}

	int status() {
		return status;
	}

	Map<String, Object> error() {
		return error;
	}

	static CkanException notFound(String message) {
		return of(404, "Not Found Error", message);
	}

	static CkanException notAuthorized(String message) {
		return of(403, "Authorization Error", message);
	}

	static CkanException badRequest(String message) {
		return of(400, "Bad Request", message);
	}

	static CkanException searchError(String message) {
		return of(409, "Search Query Error", "Search Query is invalid: " + message);
	}

	/** A Validation Error: {@code {"__type": "Validation Error", "<field>": ["<message>"]}} (409). */
	static CkanException validation(String field, Object message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("__type", "Validation Error");
		error.put(field, message);
		return new CkanException(409, error);
	}

	private static CkanException of(int status, String type, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("__type", type);
		error.put("message", message);
		return new CkanException(status, error);
	}

}
