package org.bawaba.notifications.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.bawaba.notifications.NotificationsIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Integrated applications: a step that failed at its agency, or passed its deadline, is told to the
 * citizen in their language, with the agency's reason in that language.
 */
class StepNoticesIT extends NotificationsIT {

	@Test
	void aFailedStepIsToldWithTheReasonInTheCitizensLanguage() {
		String english = unique("step-en");
		String englishToken = TestTokens.citizen(english);
		contact(englishToken, english + "@example.org", null, "en");
		String arabic = unique("step-ar");
		String arabicToken = TestTokens.arabicCitizen(arabic);
		contact(arabicToken, arabic + "@example.org", null, "ar");

		for (String citizen : List.of(english, arabic)) {
			String application = UUID.randomUUID().toString();
			publish(APPLICATIONS, "org.bawaba.eservices.application.step-failed.v1", application, """
					{"applicationId":"%s","serviceCode":"moph-birth-certificate","agency":"moph","citizenSubject":"%s",
					 "step":"child-allowance","stepAgency":"msd","reasonEn":"Please visit a social development office.",
					 "reasonAr":"يرجى مراجعة أحد مكاتب التنمية الاجتماعية.","failedAt":"2026-11-20T08:00:00Z"}"""
				.formatted(application, citizen));
			publish(APPLICATIONS, "org.bawaba.eservices.application.step-overdue.v1", application, """
					{"applicationId":"%s","serviceCode":"moph-birth-certificate","agency":"moph","citizenSubject":"%s",
					 "step":"national-number","stepAgency":"moi","dueAt":"2026-11-23T08:00:00Z"}"""
				.formatted(application, citizen));
		}

		List<JsonNode> englishInbox = inboxUntil(englishToken, items -> items.size() >= 2);
		assertThat(englishInbox).extracting(n -> n.get("subject").asString()).containsExactlyInAnyOrder(
				"A step of your application could not be done", "A step of your application is late");
		JsonNode failed = englishInbox.stream()
			.filter(n -> n.get("type").asString().equals("org.bawaba.eservices.application.step-failed.v1"))
			.findFirst().orElseThrow();
		assertThat(failed.get("body").asString()).doesNotContain("msd").doesNotContain("child-allowance")
			.contains("Please visit a social development office.");
		assertThat(failed.get("link").asString()).startsWith("/applications/");

		List<JsonNode> arabicInbox = inboxUntil(arabicToken, items -> items.size() >= 2);
		assertThat(arabicInbox).extracting(n -> n.get("subject").asString())
			.containsExactlyInAnyOrder("تعذّر إنجاز خطوة في طلبك", "تأخرت خطوة في طلبك");
		assertThat(arabicInbox).allSatisfy(n -> assertThat(n.get("dir").asString()).isEqualTo("rtl"));
		assertThat(arabicInbox).anySatisfy(n -> assertThat(n.get("body").asString())
			.contains("يرجى مراجعة أحد مكاتب التنمية الاجتماعية."));
		assertThat(mailUntil(arabic + "@example.org", 2)).hasSize(2);
	}

}
