package org.bawaba.eservices.web;

import java.util.List;

/**
 * Bad input with errors per field, answered as 400 problem+json {@code validation-failed} with an
 * {@code errors} list. The platform's {@code ProblemException} carries no extra properties, hence this.
 */
public class InvalidInputException extends RuntimeException {

	private final transient List<FieldMessage> errors;

	public InvalidInputException(List<FieldMessage> errors) {
		super("invalid input: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<FieldMessage> errors() {
		return errors;
	}

	/**
	 * One field's error.
	 * @param field the field, as a JSON pointer for form data ({@code /applicant/name}) or a property path
	 * @param message the message in the caller's language
	 * @param messages the message in English and Arabic
	 */
	public record FieldMessage(String field, String message, Messages messages) {
	}

	/** A message in both languages. */
	public record Messages(String en, String ar) {
	}

}
