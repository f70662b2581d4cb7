package org.bawaba.notifications.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.bawaba.notifications.NotificationsIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Consolidation, the general mechanism behind tell-us-once: a synthetic confirmation type (one entry in
 * the table, see {@link NotificationsIT}, with a consolidation key and a 3 s window) and its template.
 */
class ConsolidationIT extends NotificationsIT {

	@Test
	void confirmationsSharingAKeyWithinTheWindowBecomeOneNoticeAndOneEmail() throws Exception {
		assertThat(put("/templates/test-agency-confirmed", """
				{"en": {"subject": "{{agency}} confirmed your change", "body": "{{agency}} updated its records.",
				        "summarySubject": "{{count}} agencies confirmed your change",
				        "summaryBody": "These agencies updated their records:\\n{{items}}", "item": "{{agency}}"},
				 "ar": {"subject": "أكدت {{agency}} التغيير", "body": "حدّثت {{agency}} سجلاتها.",
				        "summarySubject": "أكدت {{count}} جهات التغيير",
				        "summaryBody": "حدّثت هذه الجهات سجلاتها:\\n{{items}}", "item": "{{agency}}"}}""",
				TestTokens.platformAdmin()).statusCode()).isEqualTo(200);

		String citizen = unique("moved");
		String token = TestTokens.citizen(citizen);
		contact(token, citizen + "@example.org", null, "en");
		String request = UUID.randomUUID().toString();
		for (String agency : List.of("moi", "mme", "moph")) {
			publish(APPLICATIONS, CONFIRMED, request, confirmation(request, citizen, agency));
		}
		String other = UUID.randomUUID().toString();
		publish(APPLICATIONS, CONFIRMED, other, confirmation(other, citizen, "mol"));

		List<JsonNode> notices = inboxUntil(token,
				items -> items.size() == 2 && items.stream().anyMatch(n -> n.get("eventCount").asInt() == 3));
		JsonNode consolidated = notices.stream().filter(n -> n.get("eventCount").asInt() == 3).findFirst().orElseThrow();
		assertThat(consolidated.get("subject").asString()).isEqualTo("3 agencies confirmed your change");
		assertThat(consolidated.get("body").asString()).contains("• moi").contains("• mme").contains("• moph");
		assertThat(notices).anySatisfy(n -> assertThat(n.get("subject").asString()).isEqualTo("mol confirmed your change"));

		// one e-mail per notice, sent when its window closed, with the consolidated text
		List<MimeMessage> mail = mailUntil(citizen + "@example.org", 2);
		assertThat(mail).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("3 agencies confirmed your change", "mol confirmed your change");
		Thread.sleep(500);
		assertThat(mailTo(citizen + "@example.org")).hasSize(2);
		assertThat(count("select count(*) from notice_event where recipient = ?", citizen)).isEqualTo(4);

		String arabic = TestTokens.arabicCitizen(citizen);
		contact(arabic, citizen + "@example.org", null, "ar");
		assertThat(inbox(arabic)).anySatisfy(n -> assertThat(n.get("subject").asString()).isEqualTo("أكدت 3 جهات التغيير"));
	}

	private static String confirmation(String request, String citizen, String agency) {
		return "{\"requestId\":\"" + request + "\",\"citizenSubject\":\"" + citizen + "\",\"agency\":\"" + agency
				+ "\",\"confirmedAt\":\"2026-11-01T08:00:00Z\"}";
	}

}
