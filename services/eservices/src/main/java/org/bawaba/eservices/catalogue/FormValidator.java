package org.bawaba.eservices.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	/** Draft 2020-12, plus {@code x-title-ar}: a field's Arabic label beside its {@code title}. */
	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
			Dialect.builder(Dialects.getDraft202012()).keyword(new NonValidationKeyword("x-title-ar")).build());

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
		List<Error> english = schema.validate(data, context -> context.executionConfig(c -> c.locale(Locale.ENGLISH)
			.formatAssertionsEnabled(true)));
		if (english.isEmpty()) {
			return;
		}
		List<Error> arabic = schema.validate(data, context -> context.executionConfig(c -> c.locale(Messages.ARABIC)
			.formatAssertionsEnabled(true)));
		List<FieldMessage> fields = new ArrayList<>();
		for (int i = 0; i < english.size(); i++) {
			Error error = english.get(i);
			String pointer = pointer(error);
			String arabicMessage = i < arabic.size() ? arabic.get(i).getMessage() : error.getMessage();
			fields.add(Messages.field(pointer, error.getMessage(), arabicMessage));
		}
		throw new InvalidInputException(fields);
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
