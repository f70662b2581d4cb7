package org.bawaba.portal.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParticipationFormsTest {

	private static final ZoneId QATAR = ZoneId.of("Asia/Qatar");

	@Test
	void aPollFormBecomesTheServicesRequestWithOnlyTheFilledOptionRowsAndInstantsInTheCountrysTime() {
		Map<String, String> form = new HashMap<>(Map.of("question-en", " Which day? ", "question-ar", "أي يوم؟",
				"option1-en", "Sunday", "option1-ar", "الأحد", "option3-en", "Monday", "option3-ar", "",
				"opensAt", "2026-11-23T09:30", "closesAt", "2026-11-30T18:00", "audience", "NATIONALS",
				"resultsVisibility", "LIVE"));
		form.put("suppressionThreshold", "7");

		Map<String, Object> poll = ParticipationForms.poll(form, QATAR);

		assertThat(poll.get("question")).isEqualTo(Map.of("en", "Which day?", "ar", "أي يوم؟"));
		assertThat(poll.get("options")).isEqualTo(List.of(Map.of("en", "Sunday", "ar", "الأحد"),
				Map.of("en", "Monday", "ar", "")));
		assertThat(poll.get("multipleChoice")).isEqualTo(false);
		assertThat(poll).doesNotContainKey("maxChoices");
		assertThat(poll.get("opensAt")).isEqualTo(Instant.parse("2026-11-23T06:30:00Z"));
		assertThat(poll.get("closesAt")).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
		assertThat(poll.get("audience")).isEqualTo("NATIONALS");
		assertThat(poll.get("resultsVisibility")).isEqualTo("LIVE");
		assertThat(poll.get("suppressionThreshold")).isEqualTo(7);
	}

	@Test
	void whatIsMissingOrMistypedGoesOnForTheServiceToRefuseField() {
		Map<String, String> form = Map.of("multipleChoice", "true", "maxChoices", "two", "opensAt", "tomorrow",
				"closesAt", "", "audience", " ");

		Map<String, Object> poll = ParticipationForms.poll(form, QATAR);

		assertThat(poll.get("question")).isEqualTo(Map.of("en", "", "ar", ""));
		assertThat(poll.get("options")).isEqualTo(List.of());
		assertThat(poll.get("multipleChoice")).isEqualTo(true);
		assertThat(poll.get("maxChoices")).isEqualTo("two");
		assertThat(poll.get("opensAt")).isNull();
		assertThat(poll.get("closesAt")).isNull();
		assertThat(poll.get("audience")).isNull();
		assertThat(poll.get("suppressionThreshold")).isNull();
	}

	@Test
	void aConsultationKeepsTheSectionRowsWithAHeadingOrABody() {
		Map<String, String> form = Map.of("title-en", "Parking", "title-ar", "المواقف", "summary-en", "Draft",
				"summary-ar", "مسودة", "heading1-en", "Scope", "heading1-ar", "النطاق", "body1-en", "Who",
				"body1-ar", "من", "body3-ar", "نص", "opensAt", "2026-01-01T00:00");

		Map<String, Object> consultation = ParticipationForms.consultation(form, QATAR);

		assertThat(consultation.get("title")).isEqualTo(Map.of("en", "Parking", "ar", "المواقف"));
		assertThat(consultation.get("sections")).isEqualTo(List.of(
				Map.of("heading", Map.of("en", "Scope", "ar", "النطاق"), "body", Map.of("en", "Who", "ar", "من")),
				Map.of("heading", Map.of("en", "", "ar", ""), "body", Map.of("en", "", "ar", "نص"))));
		assertThat(consultation.get("opensAt")).isEqualTo(Instant.parse("2025-12-31T21:00:00Z"));
		assertThat(consultation.get("closesAt")).isNull();
	}

}
