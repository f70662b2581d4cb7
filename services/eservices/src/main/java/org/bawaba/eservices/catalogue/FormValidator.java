package org.bawaba.eservices.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import org.bawaba.eservices.web.InvalidInputException;
import org.bawaba.eservices.web.InvalidInputException.FieldMessage;
import org.bawaba.eservices.web.Messages;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Application forms are JSON Schemas (draft 2020-12), checked with networknt's validator (the Jackson 3
 * line). Errors come per field (a JSON pointer) in English and Arabic, which the library ships.
 */
@Component
public class FormValidator {

	/**
	 * Draft 2020-12, plus {@code x-title-ar}: a field's Arabic label beside its {@code title}, and
	 * {@code x-enum-titles}: the labels of its allowed values in both languages, and {@code x-prefill}: where
	 * the field's value comes from ({@code token.national_id}, {@code credential.id}: see {@code Renewals}).
	 */
	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
			Dialect.builder(Dialects.getDraft202012())
				.keyword(new NonValidationKeyword("x-title-ar"))
				.keyword(new NonValidationKeyword("x-enum-titles"))
				.keyword(new NonValidationKeyword("x-prefill"))
				.build());

	private static final Pattern DIGITS = Pattern.compile("\\^?\\[0-9]\\{(\\d+)}\\$?");

	private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

	private final Messages messages;

	FormValidator(Messages messages) {
		this.messages = messages;
	}

	/** Checks that {@code form} is a usable form schema: an object schema the library can compile. */
	void checkSchema(JsonNode form) {
		if (!form.isObject() || !"object".equals(form.path("type").asString(""))) {
			throw new InvalidInputException(List.of(messages.field("form", "catalogue.form.not-object")));
		}
		List<Error> errors;
		try {
			Schema metaSchema = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
			errors = metaSchema.validate(form);
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException(List.of(messages.field("form", "catalogue.form.invalid", ex.getMessage())));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(List.of(
					messages.field("form" + errors.getFirst().getInstanceLocation(), "catalogue.form.invalid",
							errors.getFirst().getMessage())));
		}
	}

	/**
	 * Validates {@code data} against the form of {@code service}.
	 * @throws InvalidInputException listing every field in error
	 */
	public void validate(EService service, JsonNode data) {
		if (service.form() == null) {
			return;
		}
		Schema schema = compiled.computeIfAbsent(service.code() + "@" + service.updatedAt(),
				key -> registry.getSchema(service.form()));
		List<Error> errors = schema.validate(data, context -> context.executionConfig(c -> c.locale(Locale.ENGLISH)
			.formatAssertionsEnabled(true)));
		if (errors.isEmpty()) {
			return;
		}
		List<FieldMessage> fields = new ArrayList<>();
		Set<String> told = new HashSet<>();
		for (Error error : errors) {
			String pointer = pointer(error);
			// one message per field: the first thing to put right
			if (told.add(pointer)) {
				fields.add(message(error, pointer, service.form()));
			}
		}
		throw new InvalidInputException(fields);
	}

	/**
	 * What to do about {@code error}, for a person: the field named as the form labels it, in English and
	 * Arabic ({@code title}, {@code x-title-ar}), never the property's name or the schema's words.
	 */
	private FieldMessage message(Error error, String pointer, JsonNode form) {
		String name = pointer.substring(pointer.lastIndexOf('/') + 1);
		JsonNode property = form.path("properties").path(name);
		String english = property.path("title").asString(name);
		String arabic = property.path("x-title-ar").asString(english);
		boolean choice = property.has("enum");
		String keyword = error.getKeyword() == null ? "" : error.getKeyword();
		String digits = digits(property.path("pattern").asString(""));
		Object limit = switch (keyword) {
			case "minLength", "maxLength", "minimum", "maximum" -> property.path(keyword).asString("");
			case "pattern" -> digits;
			default -> null;
		};
		String code = switch (keyword) {
			case "required" -> choice ? "form.choose" : "form.enter";
			case "enum", "const" -> "form.choose";
			case "pattern" -> digits != null ? "form.digits" : "form.pattern";
			case "minLength", "maxLength", "minimum", "maximum" -> "form." + keyword;
			case "type" -> "integer".equals(property.path("type").asString("")) || "number".equals(property.path("type").asString(""))
					? "form.number" : "form.check";
			case "format" -> "form.format." + switch (property.path("format").asString("")) {
				case "date" -> "date";
				case "email" -> "email";
				default -> "other";
			};
			case "additionalProperties" -> "form.not-asked";
			default -> "form.check";
		};
		return messages.field(pointer, code, new Object[] { english, limit }, new Object[] { arabic, limit });
	}

	/** The number of digits a pattern such as {@code ^[0-9]{11}$} asks for, if it asks for only that. */
	private static String digits(String pattern) {
		Matcher digits = DIGITS.matcher(pattern);
		return digits.matches() ? digits.group(1) : null;
	}

	/** The field a message is about: for a missing property, the property itself. */
	private static String pointer(Error error) {
		NodePath path = error.getInstanceLocation();
		StringBuilder pointer = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			pointer.append('/').append(path.getElement(i));
		}
		if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
			pointer.append('/').append(error.getProperty());
		}
		return pointer.isEmpty() ? "/" : pointer.toString();
	}

}
