package org.bawaba.portal.participation;

import java.util.Map;
import java.util.stream.Collectors;

import org.bawaba.portal.web.Problem;
import org.jspecify.annotations.Nullable;

/**
 * A service's messages for the fields of a form, as the participation pages put them next to their inputs.
 * The service names fields by their path in its request ({@code subject}, {@code question.en},
 * {@code options[1].ar}); a page asks for a field or for a group of them ({@code options} is every option's
 * message), so that a message lands by the input or the fieldset it is about.
 */
public record FieldErrors(Map<String, String> byField) {

	static final FieldErrors NONE = new FieldErrors(Map.of());

	static FieldErrors from(@Nullable Problem problem) {
		return problem == null ? NONE : new FieldErrors(problem.fields());
	}

	/** Whether the service said something about {@code name} or anything inside it. */
	public boolean has(String name) {
		return byField.keySet().stream().anyMatch(field -> within(field, name));
	}

	/** Its messages (one each, in the service's order), or null when there are none. */
	public @Nullable String of(String name) {
		String messages = byField.entrySet()
			.stream()
			.filter(entry -> within(entry.getKey(), name))
			.map(Map.Entry::getValue)
			.distinct()
			.collect(Collectors.joining(" "));
		return messages.isEmpty() ? null : messages;
	}

	/** The id of the message's paragraph, for {@code aria-describedby}; null when there is no message. */
	public @Nullable String id(String name) {
		return has(name) ? "e-" + name.replaceAll("[^A-Za-z0-9-]", "-") : null;
	}

	private static boolean within(String field, String name) {
		return field.equals(name) || field.startsWith(name + ".") || field.startsWith(name + "[");
	}

}
