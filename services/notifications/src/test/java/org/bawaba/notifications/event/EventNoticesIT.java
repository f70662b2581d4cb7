package org.bawaba.notifications.event;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.mail.internet.MimeMessage;
import org.bawaba.notifications.NotificationsIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each consumed event type yields the right notice, in the recipient's language, on their channels. */
class EventNoticesIT extends NotificationsIT {

	static final String ARABIC = "(?s).*[\\u0600-\\u06FF].*";

	@Test
	void eachEserviceEventReachesTheApplicantInTheirLanguageOnTheirChannels() throws Exception {
		String english = unique("en-citizen");
		String englishToken = TestTokens.citizen(english);
		String phone = "+9745" + (1000000 + (int) (Math.random() * 8999999));
		contact(englishToken, english + "@example.org", phone, "en");
		preferences(englishToken, """
				{"categories": {"applications": ["INBOX", "EMAIL", "SMS"], "payments": ["INBOX", "EMAIL"]}}""");
		EXTERNAL.stubFor(WireMock.post(urlEqualTo("/sms/messages")).withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))
			.willReturn(okJson("{\"id\":\"sms-" + english + "\"}")));

		String arabic = unique("ar-citizen");
		String arabicToken = TestTokens.citizen(arabic);
		contact(arabicToken, arabic + "@example.org", null, "ar");

		Map<String, String> englishSubjects = new java.util.LinkedHashMap<>();
		Map<String, String> arabicSubjects = new java.util.LinkedHashMap<>();
		englishSubjects.put("submitted", "Application received: your service");
		arabicSubjects.put("submitted", "تم استلام طلبك: الخدمة");
		englishSubjects.put("status-changed", "Your application is approved");
		arabicSubjects.put("status-changed", "حالة طلبك: مقبول");
		englishSubjects.put("info-requested", "Information needed for your application");
		arabicSubjects.put("info-requested", "مطلوب معلومات إضافية لطلبك");
		englishSubjects.put("payment-confirmed", "Payment confirmed");
		arabicSubjects.put("payment-confirmed", "تم تأكيد الدفع");
		englishSubjects.put("completed", "Your application is complete");
		arabicSubjects.put("completed", "اكتمل طلبك");

		for (String citizen : List.of(english, arabic)) {
			String application = UUID.randomUUID().toString();
			for (String type : englishSubjects.keySet()) {
				publish(APPLICATIONS, "org.bawaba.eservices.application." + type + ".v1", application,
						data(type, application, citizen));
			}
		}

		List<JsonNode> englishInbox = inboxUntil(englishToken, items -> items.size() >= 5);
		assertThat(englishInbox).extracting(n -> n.get("subject").asString())
			.containsExactlyInAnyOrderElementsOf(englishSubjects.values());
		assertThat(englishInbox).allSatisfy(notice -> {
			assertThat(notice.get("lang").asString()).isEqualTo("en");
			assertThat(notice.get("dir").asString()).isEqualTo("ltr");
			assertThat(notice.get("read").asBoolean()).isFalse();
			assertThat(notice.get("link").asString()).startsWith("/applications/");
		});
		List<JsonNode> arabicInbox = inboxUntil(arabicToken, items -> items.size() >= 5);
		assertThat(arabicInbox).extracting(n -> n.get("subject").asString())
			.containsExactlyInAnyOrderElementsOf(arabicSubjects.values());
		assertThat(arabicInbox).allSatisfy(notice -> {
			assertThat(notice.get("lang").asString()).isEqualTo("ar");
			assertThat(notice.get("dir").asString()).isEqualTo("rtl");
		});

		// e-mail: the default channel for the Arabic citizen, chosen by the English one; in their language
		List<MimeMessage> englishMail = mailUntil(english + "@example.org", 5);
		assertThat(englishMail).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrderElementsOf(englishSubjects.values());
		List<MimeMessage> arabicMail = mailUntil(arabic + "@example.org", 5);
		assertThat(arabicMail).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrderElementsOf(arabicSubjects.values());
		Map<String, String> parts = parts(arabicMail.get(0));
		assertThat(parts).containsKeys("text/plain", "text/html");
		assertThat(parts.get("text/html")).contains("lang=\"ar\"").contains("dir=\"rtl\"").matches(ARABIC);
		assertThat(parts.get("text/plain")).matches(ARABIC);
		assertThat(parts(englishMail.get(0)).get("text/html")).contains("lang=\"en\"").contains("dir=\"ltr\"");

		// SMS: only the English citizen chose it, and only for applications (not payments): 4 messages
		until(() -> EXTERNAL.findAll(postRequestedFor(urlEqualTo("/sms/messages"))
			.withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone)))).size(),
				n -> n >= 4);
		Thread.sleep(300);
		var sms = EXTERNAL.findAll(postRequestedFor(urlEqualTo("/sms/messages"))
			.withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(phone))));
		assertThat(sms).hasSize(4);
		assertThat(sms.get(0).getHeader("Authorization")).isEqualTo("Bearer test-sms-key");
		assertThat(sms).allSatisfy(request -> assertThat(request.getBodyAsString()).doesNotContain("Payment confirmed"));
		JsonNode deliveries = json(get("/me/deliveries", englishToken));
		assertThat(deliveries.valueStream().filter(d -> d.get("channel").asString().equals("SMS")))
			.allSatisfy(d -> {
				assertThat(d.get("status").asString()).isEqualTo("SENT");
				assertThat(d.get("providerReference").asString()).isEqualTo("sms-" + english);
			});
		// nobody else's e-mail address or phone travelled in any event
		assertThat(count("select count(*) from event_log where convert_from(data, 'UTF8') like '%@example.org%'"))
			.isZero();
	}

	@Test
	void aDuplicateEventYieldsNoSecondNotice() {
		String citizen = unique("dup");
		String token = TestTokens.citizen(citizen);
		contact(token, citizen + "@example.org", null, "en");
		String application = UUID.randomUUID().toString();
		String id = UUID.randomUUID().toString();
		publish(APPLICATIONS, "org.bawaba.eservices.application.submitted.v1", application,
				data("submitted", application, citizen), id);
		publish(APPLICATIONS, "org.bawaba.eservices.application.submitted.v1", application,
				data("submitted", application, citizen), id);
		// a later, different event on the same partition: once it is in, the duplicate was processed
		publish(APPLICATIONS, "org.bawaba.eservices.application.completed.v1", application,
				data("completed", application, citizen));
		List<JsonNode> notices = inboxUntil(token, items -> items.size() >= 2);
		assertThat(notices).extracting(n -> n.get("type").asString()).containsExactlyInAnyOrder(
				"org.bawaba.eservices.application.submitted.v1", "org.bawaba.eservices.application.completed.v1");
		assertThat(mailUntil(citizen + "@example.org", 2)).hasSize(2);
		assertThat(count("select count(*) from notice_event where event_id = ?", id)).isEqualTo(1);
		assertThat(count("select count(*) from delivery d join notice_event e on e.notice_id = d.notice_id"
				+ " where e.event_id = ?", id)).isEqualTo(1);
	}

	@Test
	void complaintEventsReachTheCitizen() {
		String citizen = unique("complainant");
		String token = TestTokens.arabicCitizen(citizen);
		String complaint = UUID.randomUUID().toString();
		String common = "\"complaintId\":\"" + complaint + "\",\"trackingNumber\":\"CP-2026-000123\",\"kind\":\"COMPLAINT\","
				+ "\"agency\":\"mme\",\"serviceCode\":null,\"citizen\":\"" + citizen + "\"";
		String topic = "bawaba.participation.complaints";
		publish(topic, "org.bawaba.participation.complaint.filed.v1", complaint,
				"{" + common + ",\"status\":\"FILED\",\"filedAt\":\"2026-11-01T08:00:00Z\",\"dueAt\":\"2026-11-15T08:00:00Z\"}");
		publish(topic, "org.bawaba.participation.complaint.status-changed.v1", complaint,
				"{" + common + ",\"status\":\"ASSIGNED\",\"changedAt\":\"2026-11-02T08:00:00Z\",\"slaBreached\":false}");
		publish(topic, "org.bawaba.participation.complaint.replied.v1", complaint, "{\"complaintId\":\"" + complaint
				+ "\",\"trackingNumber\":\"CP-2026-000123\",\"agency\":\"mme\",\"citizen\":\"" + citizen
				+ "\",\"repliedAt\":\"2026-11-03T08:00:00Z\"}");
		// no profile language: the token's locale (ar) picks Arabic
		List<JsonNode> notices = inboxUntil(token, items -> items.size() >= 3);
		assertThat(notices).extracting(n -> n.get("subject").asString()).containsExactlyInAnyOrder(
				"استلمنا شكوى رقم CP-2026-000123", "CP-2026-000123: مُسندة", "ردّت الجهة على CP-2026-000123");
		assertThat(notices).allSatisfy(n -> assertThat(n.get("link").asString()).isEqualTo("/participate/complaints/CP-2026-000123"));
		String english = TestTokens.citizen(citizen);
		contact(english, null, null, "en");
		assertThat(inbox(english)).extracting(n -> n.get("subject").asString())
			.contains("We received your complaint CP-2026-000123", "CP-2026-000123 is now assigned");
	}

	@Test
	void aPollOpeningIsShownToItsAudienceExceptThoseWhoOptedOutOfPolls() {
		String first = TestTokens.citizen(unique("voter"));
		String second = TestTokens.arabicCitizen(unique("voter"));
		String optedOut = TestTokens.citizen(unique("no-polls"));
		preferences(optedOut, "{\"categories\": {\"polls\": []}}");
		String supplier = TestTokens.supplier(unique("supplier"));
		String poll = UUID.randomUUID().toString();
		publish("bawaba.participation.polls", "org.bawaba.participation.poll.opened.v1", poll, """
				{"pollId":"%s","agency":"mme","question":{"en":"Should parks open later?","ar":"هل تفتح الحدائق لوقت أطول؟"},
				 "audience":"ALL","opensAt":"2026-11-01T00:00:00Z","closesAt":"2099-12-01T00:00:00Z","multipleChoice":false,
				 "options":[{"optionId":"%s","label":{"en":"Yes","ar":"نعم"}},{"optionId":"%s","label":{"en":"No","ar":"لا"}}]}"""
				.formatted(poll, UUID.randomUUID(), UUID.randomUUID()));
		JsonNode notice = until(() -> inboxWithBroadcasts(first),
				items -> items.stream().anyMatch(n -> n.get("link").asString().endsWith(poll))).stream().filter(n -> n.get("link").asString().endsWith(poll)).findFirst().orElseThrow();
		assertThat(notice.get("subject").asString()).isEqualTo("Have your say: Should parks open later?");
		assertThat(notice.get("broadcast").asBoolean()).isTrue();
		assertThat(inboxWithBroadcasts(second)).anySatisfy(n -> assertThat(n.get("subject").asString())
			.isEqualTo("شارك برأيك: هل تفتح الحدائق لوقت أطول؟"));
		assertThat(inboxWithBroadcasts(optedOut)).noneMatch(n -> n.get("link").asString().endsWith(poll));
		assertThat(inboxWithBroadcasts(supplier)).noneMatch(n -> n.get("link").asString().endsWith(poll));
		// read and deleted per person: the first citizen's marks do not touch the second's
		String id = notice.get("id").asString();
		assertThat(post("/me/notices/" + id + "/read", null, first).statusCode()).isEqualTo(204);
		assertThat(delete("/me/notices/" + id, first).statusCode()).isEqualTo(204);
		assertThat(inboxWithBroadcasts(first)).noneMatch(n -> n.get("id").asString().equals(id));
		assertThat(inboxWithBroadcasts(second)).anySatisfy(n -> {
			assertThat(n.get("id").asString()).isEqualTo(id);
			assertThat(n.get("read").asBoolean()).isFalse();
		});
		assertThat(count("select count(*) from broadcast where event_type = 'org.bawaba.participation.poll.opened.v1'"
				+ " and link like ?", "%" + poll)).isEqualTo(1);
	}

	@Test
	void tenderClarificationAndAwardNoticesReachSubscribedSuppliersAndTheWinner() {
		String m1 = unique("member"), m2 = unique("member"), m3 = unique("member");
		String builder = UUID.randomUUID().toString(), coder = UUID.randomUUID().toString();
		String suppliers = "bawaba.procurement.suppliers";
		String category = unique("construction");
		publish(suppliers, "org.bawaba.procurement.supplier.updated.v1", builder, """
				{"supplierId":"%s","name":"Doha Builders","nameAr":null,"categories":["%s"],"sells":[],"members":["%s","%s"],
				 "updatedAt":"2026-11-01T00:00:00Z"}""".formatted(builder, category, m1, m2));
		publish(suppliers, "org.bawaba.procurement.supplier.updated.v1", coder, """
				{"supplierId":"%s","name":"Gulf Code","nameAr":null,"categories":["it"],"sells":[],"members":["%s"],
				 "updatedAt":"2026-11-01T00:00:00Z"}""".formatted(coder, m3));
		until(() -> count("select count(*) from supplier where supplier_id in (?, ?)", builder, coder), n -> n == 2);
		String m1Token = TestTokens.supplier(m1);
		contact(m1Token, null, null, "ar");

		String tender = UUID.randomUUID().toString();
		String tenders = "bawaba.procurement.tenders";
		publish(tenders, "org.bawaba.procurement.tender.published.v1", tender, """
				{"tenderId":"%s","ocid":"ocds-b5fd17-0001","agency":"mme","title":{"en":"New school","ar":"مدرسة جديدة"},
				 "category":"%s","estimatedValue":{"amount":1000000,"currency":"QAR"},
				 "submissionDeadline":"2026-12-01T00:00:00Z","publishedAt":"2026-11-01T00:00:00Z"}""".formatted(tender, category));
		publish(tenders, "org.bawaba.procurement.clarification.answered.v1", tender, """
				{"tenderId":"%s","ocid":"ocds-b5fd17-0001","agency":"mme","clarificationId":"%s",
				 "answeredAt":"2026-11-05T00:00:00Z"}""".formatted(tender, UUID.randomUUID()));
		publish(tenders, "org.bawaba.procurement.award.published.v1", tender, """
				{"tenderId":"%s","ocid":"ocds-b5fd17-0001","awardId":"%s","agency":"mme","category":"%s",
				 "supplierId":"%s","supplierName":"Gulf Code","value":{"amount":900000,"currency":"QAR"},
				 "awardedAt":"2026-12-10T00:00:00Z"}""".formatted(tender, UUID.randomUUID(), category, coder));

		List<JsonNode> arabic = inboxUntil(m1Token, items -> items.size() >= 3);
		assertThat(arabic).extracting(n -> n.get("subject").asString()).containsExactlyInAnyOrder(
				"مناقصة جديدة: مدرسة جديدة", "تمت الإجابة على استيضاح في المناقصة ocds-b5fd17-0001",
				"ترسية المناقصة ocds-b5fd17-0001 على Gulf Code");
		assertThat(inboxUntil(TestTokens.supplier(m2), items -> items.size() >= 3))
			.extracting(n -> n.get("subject").asString())
			.contains("New tender: New school", "Tender ocds-b5fd17-0001 awarded to Gulf Code");
		List<JsonNode> winner = inboxUntil(TestTokens.supplier(m3), items -> !items.isEmpty());
		assertThat(winner).extracting(n -> n.get("subject").asString())
			.containsExactly("Tender ocds-b5fd17-0001 awarded to Gulf Code");
		assertThat(winner.get(0).get("body").asString()).contains("900000 QAR");
	}

	static String data(String type, String application, String citizen) {
		String base = "\"applicationId\":\"" + application + "\",\"citizenSubject\":\"" + citizen + "\",\"agency\":\"moi\"";
		return switch (type) {
			case "submitted" -> "{" + base + ",\"serviceCode\":\"moi-passport-renewal\",\"submittedAt\":\"2026-11-01T08:00:00Z\"}";
			case "status-changed" -> "{" + base + ",\"from\":\"IN_REVIEW\",\"to\":\"APPROVED\",\"reason\":null,"
					+ "\"changedAt\":\"2026-11-02T08:00:00Z\"}";
			case "info-requested" -> "{" + base + ",\"serviceCode\":\"moi-passport-renewal\",\"requestedAt\":\"2026-11-02T08:00:00Z\"}";
			case "payment-confirmed" -> "{" + base + ",\"serviceCode\":\"moi-passport-renewal\",\"paymentId\":\""
					+ UUID.randomUUID() + "\",\"amountMinor\":20000,\"currency\":\"QAR\",\"paidAt\":\"2026-11-01T09:00:00Z\"}";
			case "completed" -> "{" + base + ",\"serviceCode\":\"moi-passport-renewal\",\"submittedAt\":\"2026-11-01T08:00:00Z\","
					+ "\"completedAt\":\"2026-11-05T08:00:00Z\"}";
			default -> throw new IllegalArgumentException(type);
		};
	}

}
