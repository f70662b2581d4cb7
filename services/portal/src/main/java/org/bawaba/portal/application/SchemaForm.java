package org.bawaba.portal.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bawaba.portal.web.Lang;
import org.jspecify.annotations.Nullable;

/**
 * A service's form, generated from its JSON Schema (a flat object, as the catalogue declares them):
 * one field per property, with its label in the page's language ({@code title}, {@code x-title-ar}),
 * the input that fits its type and format, the labels of its allowed values ({@code x-enum-titles}:
 * {@code {"courier": {"en": "…", "ar": "…"}}}), the browser-side limits the schema states, and the
 * service's message for it after a refused submission. The service validates; the limits here only
 * spare people a round trip.
 */
public final class SchemaForm {

	private SchemaForm() {
	}

	/**
	 * One field of the form.
	 *
	 * @param name the property
	 * @param label its title in the page's language
	 * @param input the HTML input type ({@code text}, {@code number}, {@code date}, {@code checkbox})
	 *     or {@code select} when the schema lists the values
	 * @param required whether the schema requires it
	 * @param options the allowed values of a {@code select}, with their labels
	 * @param min the {@code minimum} of a number
	 * @param max the {@code maximum} of a number
	 * @param maxLength the {@code maxLength} of a text
	 * @param pattern the {@code pattern} of a text
	 * @param value what the person entered, or what was prefilled
	 * @param error the service's message about this field
	 */
	public record Field(String name, String label, String input, boolean required, List<Option> options,
			@Nullable Object min, @Nullable Object max, @Nullable Object maxLength, @Nullable String pattern,
			@Nullable String value, @Nullable String error) {

		public boolean checked() {
			return "true".equals(value);
		}

		/** What was entered, as people read it: an allowed value by its label. */
		public @Nullable String shown() {
			return options.stream().filter(option -> option.value().equals(value)).map(Option::label).findFirst()
				.orElse(value);
		}

	}

	/** An allowed value and its label in the page's language. */
	public record Option(String value, String label) {
	}

	/** The fields of {@code schema}, filled with {@code values} and annotated with {@code errors}. */
	public static List<Field> fields(@Nullable Map<String, Object> schema, Lang lang, Map<String, ?> values,
			Map<String, String> errors) {
		if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
			return List.of();
		}
		Collection<?> required = schema.get("required") instanceof Collection<?> names ? names : List.of();
		List<Field> fields = new ArrayList<>();
		properties.forEach((name, definition) -> {
			if (!(definition instanceof Map<?, ?> property)) {
				return;
			}
			String key = String.valueOf(name);
			String label = lang == Lang.AR && property.get("x-title-ar") instanceof String arabic ? arabic
					: property.get("title") instanceof String title ? title : key;
			Map<?, ?> titles = property.get("x-enum-titles") instanceof Map<?, ?> given ? given : Map.of();
			List<Option> options = property.get("enum") instanceof Collection<?> allowed
					? allowed.stream().map(String::valueOf).map(option -> new Option(option, optionLabel(titles, option, lang))).toList()
					: List.of();
			Object value = values.get(key);
			fields.add(new Field(key, label, input(property, options), required.contains(key), options,
					property.get("minimum"), property.get("maximum"), property.get("maxLength"),
					property.get("pattern") instanceof String pattern ? browserPattern(pattern) : null,
					value == null ? null : String.valueOf(value), errors.get(key)));
		});
		return fields;
	}

	/**
	 * The properties of {@code schema} that hold an internal reference ({@code "format": "uuid"}, such as the
	 * credential a renewal is for): the form keeps them, but a page that shows what was filled in does not,
	 * since people read the document's name and dates, not its id.
	 */
	public static java.util.Set<String> references(@Nullable Map<String, Object> schema) {
		java.util.Set<String> names = new java.util.HashSet<>();
		if (schema != null && schema.get("properties") instanceof Map<?, ?> properties) {
			properties.forEach((name, definition) -> {
				if (definition instanceof Map<?, ?> property && "uuid".equals(property.get("format"))) {
					names.add(String.valueOf(name));
				}
			});
		}
		return names;
	}

	/**
	 * What the form fills in from the person's sign-in: each field whose schema names a claim of the
	 * token ({@code "x-prefill": "token.national_id"}, as renewals read it too) gets that claim's value,
	 * which the person may still change.
	 */
	public static Map<String, Object> prefilled(@Nullable Map<String, Object> schema, Map<String, String> claims) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (schema != null && schema.get("properties") instanceof Map<?, ?> properties) {
			properties.forEach((name, definition) -> {
				if (definition instanceof Map<?, ?> property && property.get("x-prefill") instanceof String source
						&& source.startsWith("token.") && claims.get(source.substring("token.".length())) != null) {
					values.put(String.valueOf(name), claims.get(source.substring("token.".length())));
				}
			});
		}
		return values;
	}

	/**
	 * The form data the service expects, from what the browser sent: numbers as numbers, a checkbox
	 * as true or false, empty fields left out (so that the service names the required ones). A
	 * number that does not parse is sent as typed, and the service says what is wrong with it.
	 */
	public static Map<String, Object> data(@Nullable Map<String, Object> schema, Map<String, String> submitted) {
		Map<String, Object> data = new LinkedHashMap<>();
		if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
			return data;
		}
		properties.forEach((name, definition) -> {
			String key = String.valueOf(name);
			String type = definition instanceof Map<?, ?> property && property.get("type") instanceof String t ? t
					: "string";
			String raw = submitted.get(key);
			if ("boolean".equals(type)) {
				data.put(key, "true".equals(raw));
				return;
			}
			if (raw == null || raw.isBlank()) {
				return;
			}
			String value = raw.strip();
			data.put(key, switch (type) {
				case "integer" -> parse(value, true);
				case "number" -> parse(value, false);
				default -> value;
			});
		});
		return data;
	}

	private static Object parse(String value, boolean integer) {
		try {
			BigDecimal number = new BigDecimal(value);
			return integer && number.stripTrailingZeros().scale() <= 0 ? number.toBigIntegerExact() : number;
		}
		catch (NumberFormatException | ArithmeticException notANumber) {
			return value;
		}
	}

	private static String optionLabel(Map<?, ?> titles, String option, Lang lang) {
		return titles.get(option) instanceof Map<?, ?> texts && texts.get(lang.code()) instanceof String label ? label
				: option;
	}

	private static String input(Map<?, ?> property, List<Option> options) {
		if (!options.isEmpty()) {
			return "select";
		}
		Object type = property.get("type");
		if ("integer".equals(type) || "number".equals(type)) {
			return "number";
		}
		if ("boolean".equals(type)) {
			return "checkbox";
		}
		Object format = property.get("format");
		if ("date".equals(format)) {
			return "date";
		}
		if ("email".equals(format)) {
			return "email";
		}
		return "text";
	}

	/** HTML's {@code pattern} is anchored already; the schema's anchors are dropped. */
	private static String browserPattern(String pattern) {
		String inner = pattern.startsWith("^") ? pattern.substring(1) : pattern;
		return inner.endsWith("$") && !inner.endsWith("\\$") ? inner.substring(0, inner.length() - 1) : inner;
	}

}
