package org.bawaba.portal.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ProcurementFormsTest {

	private static final ZoneId DOHA = ZoneId.of("Asia/Qatar");

	@Test
	void amountsAreReadInLatinOrArabicIndicDigitsAndAnythingElseIsMissing() {
		assertThat(Forms.amount("1,250.50")).isEqualByComparingTo("1250.50");
		assertThat(Forms.amount("١٢٥٠٫٥")).isEqualByComparingTo("1250.5");
		assertThat(Forms.amount(" 480 000 ")).isEqualByComparingTo("480000");
		assertThat(Forms.amount("")).isNull();
		assertThat(Forms.amount("ten")).isNull();
	}

	@Test
	void deadlinesTypedInDohaTimeAreSentAsInstants() {
		assertThat(TenderForm.instant("2026-12-01T10:00", DOHA)).isEqualTo("2026-12-01T07:00:00Z");
		assertThat(TenderForm.instant("", DOHA)).isNull();
		assertThat(TenderForm.instant("tomorrow", DOHA)).isNull();
	}

	@Test
	void theNewTenderFormBecomesTheServicesRequest() {
		Map<String, String> form = Map.ofEntries(Map.entry("title.en", "Laptops"), Map.entry("title.ar", "حواسيب"),
				Map.entry("description.en", "200 laptops"), Map.entry("description.ar", "200 حاسوب"),
				Map.entry("category", "it-equipment"), Map.entry("estimatedValue.amount", "900,000"),
				Map.entry("estimatedValue.currency", ""), Map.entry("clarificationDeadline", "2026-12-01T10:00"),
				Map.entry("submissionDeadline", "2026-12-10T12:30"), Map.entry("openingTime", "not a time"),
				Map.entry("document.url", ""));

		Map<String, Object> request = TenderForm.request(form, DOHA);

		assertThat(request).containsEntry("title", Map.of("en", "Laptops", "ar", "حواسيب"))
			.containsEntry("category", "it-equipment")
			.containsEntry("clarificationDeadline", "2026-12-01T07:00:00Z")
			.containsEntry("submissionDeadline", "2026-12-10T09:30:00Z")
			.containsEntry("openingTime", null)
			.doesNotContainKey("documents");
		assertThat(request.get("estimatedValue"))
			.isEqualTo(Map.of("amount", new BigDecimal("900000"), "currency", "QAR"));
	}

	@Test
	void aTenderDocumentIsSentOnlyWhenItHasAnAddress() {
		Map<String, Object> request = TenderForm.request(Map.of("document.url", "https://example.org/spec.pdf",
				"document.title.en", "Specification", "document.title.ar", "المواصفات"), DOHA);
		assertThat(request.get("documents")).isEqualTo(List.of(Map.of("title",
				Map.of("en", "Specification", "ar", "المواصفات"), "url", "https://example.org/spec.pdf")));
	}

	@Test
	void theEvaluationFormGivesOneResultPerOpenedBid() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("bid", "b1");
		form.add("bid", "b2");
		form.add("qualified.b1", "true");
		form.add("score.b1", "٩٠");
		form.add("note.b1", " Cheapest ");
		form.add("score.b2", "7.5");

		assertThat(EvaluationForm.request(form)).isEqualTo(Map.of("results", List.of(
				Map.of("bidId", "b1", "qualified", true, "score", 90, "note", "Cheapest"),
				Map.of("bidId", "b2", "qualified", false, "score", -1, "note", ""))));
	}

	@Test
	void theProfileFormGoesToTheServiceAndASavedProfileComesBackAsTheFormsValues() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("registrationNumber", "CR-1234");
		form.add("name.en", "Haddad Systems");
		form.add("name.ar", "حداد للأنظمة");
		form.add("sells", "it-equipment");
		form.add("sells", "it-services");
		form.add("contact.email", "tenders@haddad.example");
		form.add("contact.phone", "");

		Map<String, Object> request = ProfileForm.request(form);
		assertThat(request).containsEntry("sells", List.of("it-equipment", "it-services"));
		@SuppressWarnings("unchecked")
		Map<String, Object> contact = (Map<String, Object>) request.get("contact");
		assertThat(contact).containsEntry("email", "tenders@haddad.example").containsEntry("phone", null);

		Map<String, Object> saved = Map.of("registrationNumber", "CR-1234", "name", request.get("name"), "sells",
				List.of("it-equipment"), "contact", Map.of("email", "tenders@haddad.example"));
		assertThat(ProfileForm.values(saved)).containsEntry("name.ar", "حداد للأنظمة")
			.containsEntry("contact.email", "tenders@haddad.example")
			.containsEntry("sells", List.of("it-equipment"));
	}

}
