package org.bawaba.portal.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bawaba.portal.web.Problem;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

	private final Map<String, String> byField = new LinkedHashMap<>();

	@Test
	void aFieldOrAGroupOfFieldsFindsItsMessagesAndNothingElse() {
		byField.put("question.en", "must not be blank");
		byField.put("options[1].ar", "must not be blank");
		byField.put("options", "size must be between 2 and 20");
		byField.put("optionsNote", "other");
		FieldErrors errors = FieldErrors.from(new Problem(400, "Validation failed", null, byField));

		assertThat(errors.of("question.en")).isEqualTo("must not be blank");
		assertThat(errors.has("question")).isTrue();
		assertThat(errors.of("options")).isEqualTo("must not be blank size must be between 2 and 20");
		assertThat(errors.id("question.en")).isEqualTo("e-question-en");
		assertThat(errors.has("question.ar")).isFalse();
		assertThat(errors.of("question.ar")).isNull();
		assertThat(errors.id("subject")).isNull();
		assertThat(FieldErrors.from(null).has("options")).isFalse();
	}

}
