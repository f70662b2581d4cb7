package org.bawaba.notifications.event;

// --- tellonce ---
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.Topics;
import org.bawaba.notifications.NotificationsIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tell us once: however many agencies answer, and however often late ones are asked again, the citizen
 * gets ONE notice, from {@code change.completed}, naming the agencies in their language.
 */
class TellUsOnceNoticeIT extends NotificationsIT {

	static final String REPORTED = "org.bawaba.eservices.change.reported.v1";

	static final String COMPLETED = "org.bawaba.eservices.change.completed.v1";

	static final String MOI = "{\"agency\":\"moi\",\"en\":\"Ministry of Interior\",\"ar\":\"وزارة الداخلية\"}";

	static final String EWA = "{\"agency\":\"ewa\",\"en\":\"Electricity and Water Authority\",\"ar\":\"هيئة الكهرباء والماء\"}";

	@Test
	void oneConsolidatedNoticeNamesEveryAgencyInTheReadersLanguage() {
		String english = unique("mover-en");
		String arabic = unique("mover-ar");
		for (String citizen : List.of(english, arabic)) {
			String change = UUID.randomUUID().toString();
			publish(Topics.ESERVICES_CHANGES, REPORTED, change, reported(change, citizen, "[\"moi\",\"ewa\"]", 1));
			publish(Topics.ESERVICES_CHANGES, COMPLETED, change, """
					{"changeId":"%s","citizenSubject":"%s","kind":"ADDRESS","updated":[%s],"failed":[],"late":[%s],
					 "completedAt":"2026-11-23T10:00:00Z"}""".formatted(change, citizen, MOI, EWA));
			// the late agency is asked again: no second notice
			String retry = publish(Topics.ESERVICES_CHANGES, REPORTED, change, reported(change, citizen, "[\"ewa\"]", 2));
			until(() -> count("select count(*) from bawaba_processed_event where event_id = ?", retry), n -> n == 1);
		}

		List<JsonNode> englishInbox = inboxUntil(TestTokens.citizen(english), items -> !items.isEmpty());
		assertThat(englishInbox).hasSize(1);
		JsonNode notice = englishInbox.get(0);
		assertThat(notice.get("type").asString()).isEqualTo(COMPLETED);
		assertThat(notice.get("subject").asString()).isEqualTo("Your new address has reached the agencies");
		assertThat(notice.get("body").asString()).contains("Updated their records: Ministry of Interior.")
			.contains("(we keep asking them): Electricity and Water Authority.")
			// no agency failed: no sentence about it
			.doesNotContain("Could not update");
		assertThat(notice.get("link").asString()).startsWith("/me#change-");

		List<JsonNode> arabicInbox = inboxUntil(TestTokens.arabicCitizen(arabic), items -> !items.isEmpty());
		assertThat(arabicInbox).hasSize(1);
		assertThat(arabicInbox.get(0).get("subject").asString()).isEqualTo("وصل العنوان الجديد إلى الجهات");
		assertThat(arabicInbox.get(0).get("body").asString()).contains("حدّثت سجلاتها: وزارة الداخلية")
			.contains("هيئة الكهرباء والماء");
	}

	private static String reported(String change, String citizen, String agencies, int attempt) {
		return """
				{"changeId":"%s","citizenSubject":"%s","kind":"ADDRESS","agencies":%s,"attempt":%d,
				 "reportedAt":"2026-11-23T09:00:00Z"}""".formatted(change, citizen, agencies, attempt);
	}

}
// --- end tellonce ---
