package org.bawaba.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClientResponseException;

/**
 * A service's refusal ({@code application/problem+json}), in the language the portal asked for, as
 * a page shows it: a title, a detail, and the message of each form field at fault.
 *
 * @param status the HTTP status
 * @param title the short message
 * @param detail the longer one, if any
 * @param fields a message per field, keyed by the field's name (the last segment of its JSON pointer)
 */
public record Problem(int status, String title, @Nullable String detail, Map<String, String> fields) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static Problem of(RestClientResponseException error) {
		JsonNode body;
		try {
			body = JSON.readTree(error.getResponseBodyAsString());
		}
		catch (RuntimeException notJson) {
			body = null;
		}
		if (body == null || !body.isObject()) {
			return new Problem(error.getStatusCode().value(), "", null, Map.of());
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (JsonNode fieldError : iterable(body.path("errors"))) {
			String pointer = text(fieldError, "pointer", text(fieldError, "field", ""));
			String name = pointer.substring(pointer.lastIndexOf('/') + 1);
			fields.merge(name, text(fieldError, "message", text(fieldError, "detail", "")), (a, b) -> a + " " + b);
		}
		return new Problem(error.getStatusCode().value(), text(body, "title", ""),
				body.hasNonNull("detail") ? body.get("detail").asString() : null, fields);
	}

	/** What to tell the person: the detail when the service gave one, else its title. */
	public String message() {
		return detail != null && !detail.isBlank() ? detail : title;
	}

	private static String text(JsonNode node, String field, String otherwise) {
		return node.hasNonNull(field) ? node.get(field).asString() : otherwise;
	}

	private static List<JsonNode> iterable(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		if (array.isArray()) {
			array.forEach(items::add);
		}
		return items;
	}

}
