package org.bawaba.portal.participation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The staff forms of e-participation as the participation service takes them. A browser form is flat
 * ({@code question-en}, {@code option1-ar}, a {@code datetime-local} in the country's time), the service
 * wants bilingual objects, lists and instants. Nothing is checked here: what is missing or wrong goes on
 * (as null, or as typed) so that the service answers with its own message for each field.
 */
final class ParticipationForms {

	/** Rows of options a poll form offers (the service takes 2 to 20). */
	static final int OPTION_ROWS = 6;

	/** Rows of sections a consultation form offers. */
	static final int SECTION_ROWS = 3;

	private ParticipationForms() {
	}

	/** A new poll from the staff form. */
	static Map<String, Object> poll(Map<String, String> form, ZoneId zone) {
		Map<String, Object> poll = new LinkedHashMap<>();
		poll.put("question", bilingual(form, "question"));
		List<Map<String, String>> options = new ArrayList<>();
		for (int row = 1; row <= OPTION_ROWS; row++) {
			if (filled(form, "option" + row)) {
				options.add(bilingual(form, "option" + row));
			}
		}
		poll.put("options", options);
		boolean multiple = "true".equals(form.get("multipleChoice"));
		poll.put("multipleChoice", multiple);
		if (multiple) {
			poll.put("maxChoices", number(form.get("maxChoices")));
		}
		poll.put("opensAt", instant(form.get("opensAt"), zone));
		poll.put("closesAt", instant(form.get("closesAt"), zone));
		poll.put("audience", blankToNull(form.get("audience")));
		poll.put("resultsVisibility", blankToNull(form.get("resultsVisibility")));
		poll.put("suppressionThreshold", number(form.get("suppressionThreshold")));
		return poll;
	}

	/** A new consultation from the staff form: the draft's sections are the rows with a heading or a body. */
	static Map<String, Object> consultation(Map<String, String> form, ZoneId zone) {
		Map<String, Object> consultation = new LinkedHashMap<>();
		consultation.put("title", bilingual(form, "title"));
		consultation.put("summary", bilingual(form, "summary"));
		List<Map<String, Object>> sections = new ArrayList<>();
		for (int row = 1; row <= SECTION_ROWS; row++) {
			if (filled(form, "heading" + row) || filled(form, "body" + row)) {
				sections.add(Map.of("heading", bilingual(form, "heading" + row), "body", bilingual(form, "body" + row)));
			}
		}
		consultation.put("sections", sections);
		consultation.put("opensAt", instant(form.get("opensAt"), zone));
		consultation.put("closesAt", instant(form.get("closesAt"), zone));
		return consultation;
	}

	/** {@code {en, ar}} from the fields {@code <prefix>-en} and {@code <prefix>-ar}. */
	static Map<String, String> bilingual(Map<String, String> form, String prefix) {
		Map<String, String> text = new LinkedHashMap<>();
		text.put("en", form.getOrDefault(prefix + "-en", "").strip());
		text.put("ar", form.getOrDefault(prefix + "-ar", "").strip());
		return text;
	}

	/**
	 * A {@code datetime-local} value (the country's wall-clock time) as an instant; null when blank or not a
	 * date and time, which the service reports as a missing field.
	 */
	static @Nullable Instant instant(@Nullable String local, ZoneId zone) {
		if (local == null || local.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeException notADateTime) {
			return null;
		}
	}

	/** A whole number as a number; anything else as typed, so that the service refuses it. */
	static @Nullable Object number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException notANumber) {
			return text.strip();
		}
	}

	private static boolean filled(Map<String, String> form, String prefix) {
		return !form.getOrDefault(prefix + "-en", "").isBlank() || !form.getOrDefault(prefix + "-ar", "").isBlank();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
