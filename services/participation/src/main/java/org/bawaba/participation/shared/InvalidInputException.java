package org.bawaba.participation.shared;

import java.util.List;

/**
 * Bad input found by the service itself, answered as 400 problem+json {@code validation-failed} with an
 * {@code errors} list of fields and messages (English and Arabic).
 */
public class InvalidInputException extends RuntimeException {

	private final transient List<FieldMessage> errors;

	public InvalidInputException(List<FieldMessage> errors) {
		super("invalid input: " + errors.stream().map(FieldMessage::field).toList());
		this.errors = List.copyOf(errors);
	}

	public List<FieldMessage> errors() {
		return errors;
	}

	/**
	 * One field's error.
	 * @param field the property path
	 * @param message the message in the caller's language
	 * @param messages the message in English and Arabic
	 */
	public record FieldMessage(String field, String message, Messages messages) {
	}

	/** A message in both languages. */
	public record Messages(String en, String ar) {
	}

}
