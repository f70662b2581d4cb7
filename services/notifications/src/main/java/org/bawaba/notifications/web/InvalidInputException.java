package org.bawaba.notifications.web;

import java.util.List;

/**
 * Bad input found by the service itself, answered as 400 problem+json {@code validation-failed} with an
 * {@code errors} list whose messages ({@code messages*.properties}) are in the caller's language and both.
 */
public class InvalidInputException extends RuntimeException {

	private final transient List<FieldMessage> errors;

	public InvalidInputException(List<FieldMessage> errors) {
		super("invalid input: " + errors);
		this.errors = List.copyOf(errors);
	}

	public static InvalidInputException of(String field, String code, Object... args) {
		return new InvalidInputException(List.of(field(field, code, args)));
	}

	public static FieldMessage field(String field, String code, Object... args) {
		return new FieldMessage(field, code, args.clone());
	}

	public List<FieldMessage> errors() {
		return errors;
	}

	/** One field's error: a message code and its arguments. */
	public record FieldMessage(String field, String code, Object[] args) {
	}

}
