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
 * Click to renew: eservices' {@code credential.expiring} becomes a notice for the holder, in their language,
 * whose link opens the prefilled renewal; once per event, and in the new {@code renewals} category.
 */
class RenewalNoticesIT extends NotificationsIT {

	static final String TOPIC = "bawaba.eservices.credentials";

	static final String EXPIRING = "org.bawaba.eservices.credential.expiring.v1";

	@Test
	void anExpiringCredentialReachesItsHolderWithTheRenewalLinkInTheirLanguage() throws Exception {
		String english = unique("en-holder");
		String englishToken = TestTokens.citizen(english);
		contact(englishToken, english + "@example.org", null, "en");
		String arabic = unique("ar-holder");
		String arabicToken = TestTokens.arabicCitizen(arabic);
		contact(arabicToken, arabic + "@example.org", null, "ar");

		String idCard = UUID.randomUUID().toString();
		String eventId = publish(TOPIC, EXPIRING, idCard, data(idCard, english, "ID_CARD"));
		String permit = UUID.randomUUID().toString();
		publish(TOPIC, EXPIRING, permit, data(permit, arabic, "RESIDENCE_PERMIT"));
		// the same event delivered again: no second notice
		publish(TOPIC, EXPIRING, idCard, data(idCard, english, "ID_CARD"), eventId);
		// an approved renewal is for the agency's service, not a notice
		publish(TOPIC, "org.bawaba.eservices.credential.renewal-approved.v1", idCard, """
				{"credentialId": "%s", "agency": "moi", "citizen": "%s", "type": "ID_CARD",
				 "applicationId": "%s", "approvedAt": "2026-11-23T10:00:00Z"}""".formatted(idCard, english, UUID.randomUUID()));

		List<JsonNode> englishInbox = inboxUntil(englishToken, items -> !items.isEmpty());
		assertThat(englishInbox).hasSize(1);
		JsonNode notice = englishInbox.getFirst();
		assertThat(notice.get("subject").asString()).isEqualTo("Your ID card expires on 2027-01-15: renew it in one click");
		assertThat(notice.get("body").asString()).contains("issued by the agency", "open the link").doesNotContain("moi");
		assertThat(notice.get("link").asString()).isEqualTo("/renewals/" + idCard);
		assertThat(notice.get("category").asString()).isEqualTo("renewals");
		assertThat(notice.get("lang").asString()).isEqualTo("en");

		JsonNode arabicNotice = inboxUntil(arabicToken, items -> !items.isEmpty()).getFirst();
		assertThat(arabicNotice.get("subject").asString()).isEqualTo("تنتهي صلاحية الإقامة في 2027-01-15: جدّدها بنقرة واحدة");
		assertThat(arabicNotice.get("dir").asString()).isEqualTo("rtl");
		assertThat(arabicNotice.get("link").asString()).isEqualTo("/renewals/" + permit);

		// e-mail is a default channel of the category
		List<MimeMessage> mail = mailUntil(english + "@example.org", 1);
		assertThat(mail).extracting(MimeMessage::getSubject)
			.containsExactly("Your ID card expires on 2027-01-15: renew it in one click");
		// its link opens the portal page in the reader's language
		assertThat(parts(mail.getFirst()).get("text/plain")).contains("/en/renewals/" + idCard);
		assertThat(parts(mail.getFirst()).get("text/html")).contains("/en/renewals/" + idCard);

		// the renewal-approved event on the topic was consumed without a notice; the duplicate too
		until(() -> count("select count(*) from event_log where type = ?",
				"org.bawaba.eservices.credential.renewal-approved.v1"), n -> n >= 1);
		assertThat(inbox(englishToken)).hasSize(1);
		assertThat(count("select count(*) from notice_event where event_id = ?", eventId)).isEqualTo(1);
	}

	@Test
	void aHolderMayChooseTheRenewalsChannels() {
		String holder = unique("sms-holder");
		String token = TestTokens.citizen(holder);
		preferences(token, "{\"categories\": {\"renewals\": [\"INBOX\"]}}");
		JsonNode preferences = json(get("/me/preferences", token));
		assertThat(preferences.get("categories").get("renewals").toString()).isEqualTo("[\"INBOX\"]");
	}

	private static String data(String credential, String citizen, String type) {
		return """
				{"credentialId": "%s", "agency": "moi", "citizen": "%s", "type": "%s", "expiresOn": "2027-01-15",
				 "windowDays": 60, "serviceCode": "moi-id-card-proactive-renewal",
				 "link": "/renewals/%s", "noticedAt": "2026-11-23T06:00:00Z"}""".formatted(credential, citizen,
				type, credential);
	}

}
