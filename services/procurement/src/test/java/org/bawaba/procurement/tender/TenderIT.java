package org.bawaba.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.bawaba.procurement.ProcurementIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Drafts, publication, versioned amendments with deadline extension, cancellation, clarifications, access. */
class TenderIT extends ProcurementIT {

	@Test
	void aDraftIsPrivateToItsAgencyUntilPublishedThenPublicWithAnEventAndARelease() {
		Instant now = clock.instant();
		JsonNode draft = ok(post("/tenders", tenderText(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)),
				now.plus(Duration.ofHours(3))), MOI_STAFF), 201);
		String id = draft.get("id").asString();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("version").asInt()).isZero();
		assertProblem(get("/tenders/" + id, null), 404, "tender-not-found");
		assertProblem(get("/tenders/" + id, MME_STAFF), 404, "tender-not-found");
		assertProblem(get("/tenders/" + id, TestTokens.supplier("peeking")), 404, "tender-not-found");
		assertThat(ok(get("/tenders/" + id, MOI_STAFF), 200).get("title").get("en").asString())
			.isEqualTo("Laptops for schools");
		assertThat(get("/tenders/drafts?size=100", MOI_STAFF).body()).contains(id);
		assertThat(get("/tenders/drafts?size=100", MME_STAFF).body()).doesNotContain(id);
		assertThat(get("/tenders?size=100", null).body()).doesNotContain(id);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from ocds_release where tender_id = ?::uuid", id)).isZero();

		JsonNode edited = ok(put("/tenders/" + id, tenderText(now.plus(Duration.ofHours(1)),
				now.plus(Duration.ofHours(4)), now.plus(Duration.ofHours(5))), MOI_STAFF), 200);
		assertThat(edited.get("submissionDeadline").asString()).isEqualTo(now.plus(Duration.ofHours(4)).toString());
		JsonNode published = ok(post("/tenders/" + id + "/publish", null, MOI_STAFF), 200);
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.get("version").asInt()).isEqualTo(1);
		assertThat(ok(get("/tenders/" + id, null), 200).get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(get("/tenders?agency=moi&category=it-equipment&status=PUBLISHED&size=100", null).body()).contains(id);
		assertProblem(post("/tenders/" + id + "/publish", null, MOI_STAFF), 409, "illegal-transition");
		assertProblem(put("/tenders/" + id, edited.toString(), MOI_STAFF), 409, "illegal-transition");

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.PROCUREMENT_TENDERS, id, read -> !read.isEmpty());
		assertThat(events.getFirst().getType()).isEqualTo("org.bawaba.procurement.tender.published.v1");
		JsonNode event = JSON.readTree(events.getFirst().getData().toBytes());
		assertThat(event.get("submissionDeadline").asString()).isEqualTo(now.plus(Duration.ofHours(4)).toString());
		assertThat(event.get("category").asString()).isEqualTo("it-equipment");
		assertThat(event.get("estimatedValue").get("amount").asInt()).isEqualTo(1500000);
	}

	@Test
	void anAmendmentIsANewPublishedVersionAndExtendsTheDeadlineWhenLessThanTheMinimumWouldRemain() {
		String supplier = registeredSupplier("Amended");
		JsonNode tender = publishedTender(MOI_STAFF);
		String id = tender.get("id").asString();
		Instant clarification = Instant.parse(tender.get("clarificationDeadline").asString());
		Instant submission = Instant.parse(tender.get("submissionDeadline").asString());
		Instant opening = Instant.parse(tender.get("openingTime").asString());

		clock.advance(Duration.ofMinutes(30));
		Instant amendedAt = clock.instant();
		JsonNode amended = ok(post("/tenders/" + id + "/amendments", """
				{"rationale":"Quantity raised to 600","tender":%s}""".formatted(tenderText(clarification, submission,
				opening).replace("500 laptops", "600 laptops")), MOI_STAFF), 200);
		assertThat(amended.get("version").asInt()).isEqualTo(2);
		assertThat(amended.get("description").get("en").asString()).startsWith("600 laptops");
		Instant extended = amendedAt.plus(Duration.ofHours(2));
		assertThat(Instant.parse(amended.get("submissionDeadline").asString())).isEqualTo(extended);
		assertThat(Instant.parse(amended.get("openingTime").asString()))
			.isEqualTo(opening.plus(Duration.between(submission, extended)));

		clock.set(submission.plusMillis(1));
		ok(post("/tenders/" + id + "/bids", bid("600000"), supplier), 201);

		Instant later = clock.instant().plus(Duration.ofHours(5));
		JsonNode again = ok(post("/tenders/" + id + "/amendments", """
				{"rationale":"More time for samples","tender":%s}""".formatted(tenderText(clarification.plusSeconds(1),
				later, later.plus(Duration.ofHours(1)))), MOI_STAFF), 400);
		assertThat(again.get("type").asString()).endsWith("/deadline-in-the-past");
		JsonNode third = ok(post("/tenders/" + id + "/amendments", """
				{"rationale":"More time for samples","tender":%s}""".formatted(tenderText(later.minusSeconds(60), later,
				later.plus(Duration.ofHours(1)))), MOI_STAFF), 200);
		assertThat(third.get("version").asInt()).isEqualTo(3);
		assertThat(Instant.parse(third.get("submissionDeadline").asString())).isEqualTo(later);

		JsonNode versions = ok(get("/tenders/" + id + "/versions", null), 200);
		assertThat(versions.valueStream().map(v -> v.get("version").asInt())).containsExactly(1, 2, 3);
		assertThat(versions.get(1).get("rationale").asString()).isEqualTo("Quantity raised to 600");
		assertThat(ok(get("/tenders/" + id + "/versions/1", null), 200).get("description").get("en").asString())
			.startsWith("500 laptops");
		assertProblem(get("/tenders/" + id + "/versions/9", null), 404, "version-not-found");

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.PROCUREMENT_TENDERS, id, read -> read.size() >= 3);
		JsonNode first = JSON.readTree(events.get(1).getData().toBytes());
		assertThat(events.get(1).getType()).isEqualTo("org.bawaba.procurement.tender.amended.v1");
		assertThat(first.get("version").asInt()).isEqualTo(2);
		assertThat(first.get("deadlineExtended").asBoolean()).isTrue();
		assertThat(first.get("submissionDeadline").asString()).isEqualTo(extended.toString());
		assertThat(JSON.readTree(events.get(2).getData().toBytes()).get("deadlineExtended").asBoolean()).isFalse();

		JsonNode compiled = ok(get("/ocds/records/" + tender.get("ocid").asString(), null), 200).get("records").get(0)
			.get("compiledRelease");
		assertThat(compiled.get("tender").get("amendments").valueStream().map(a -> a.get("rationale").asString()))
			.containsExactly("Quantity raised to 600", "More time for samples");
		assertThat(compiled.get("tender").get("tenderPeriod").get("endDate").asString()).isEqualTo(later.toString());

		clock.set(later);
		assertProblem(post("/tenders/" + id + "/amendments", """
				{"rationale":"Too late","tender":%s}""".formatted(tenderText(later.plusSeconds(10), later.plusSeconds(20),
				later.plusSeconds(30))), MOI_STAFF), 409, "deadline-passed");
	}

	@Test
	void cancellingNeedsAReasonAndBeforeTheOpeningDestroysTheOpeningKey() {
		String supplier = registeredSupplier("Cancelled");
		JsonNode tender = publishedTender(MOI_STAFF);
		String id = tender.get("id").asString();
		ok(post("/tenders/" + id + "/bids", bid("777000"), supplier), 201);
		assertProblem(post("/tenders/" + id + "/cancel", "{}", MOI_STAFF), 400, "validation-failed");
		assertProblem(post("/tenders/" + id + "/cancel", "{\"reason\":\"  \"}", MOI_STAFF), 400, "validation-failed");
		assertProblem(post("/tenders/" + id + "/cancel", "{\"reason\":\"Budget withdrawn\"}", MME_STAFF), 403,
				"forbidden-other-agency");
		assertThat(ok(get("/tenders/" + id, null), 200).get("status").asString()).isEqualTo("PUBLISHED");

		JsonNode cancelled = ok(post("/tenders/" + id + "/cancel", "{\"reason\":\"Budget withdrawn\"}", MOI_STAFF), 200);
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("cancelReason").asString()).isEqualTo("Budget withdrawn");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from tender_key where tender_id = ?::uuid "
				+ "and wrapped_private_key is null and destroyed_at is not null", id)).isEqualTo(1);
		assertProblem(post("/tenders/" + id + "/cancel", "{\"reason\":\"Again\"}", MOI_STAFF), 409, "illegal-transition");
		assertProblem(post("/tenders/" + id + "/bids", bid("1"), registeredSupplier("Late")), 409, "illegal-transition");

		openBidsWouldNotHappen(tender);
		assertProblem(get("/tenders/" + id + "/bids", MOI_STAFF), 403, "bids-sealed");
		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.PROCUREMENT_TENDERS, id, read -> read.size() >= 2);
		assertThat(events.get(1).getType()).isEqualTo("org.bawaba.procurement.tender.cancelled.v1");
		assertThat(new String(events.get(1).getData().toBytes())).contains("Budget withdrawn");
		JsonNode compiled = ok(get("/ocds/records/" + tender.get("ocid").asString(), null), 200).get("records").get(0)
			.get("compiledRelease");
		assertThat(compiled.get("tender").get("status").asString()).isEqualTo("cancelled");
	}

	private void openBidsWouldNotHappen(JsonNode tender) {
		clock.set(Instant.parse(tender.get("openingTime").asString()).plusSeconds(1));
		assertThat(ok(get("/tenders/" + tender.get("id").asString(), null), 200).get("openedAt")).isNull();
	}

	@Test
	void answersArePublishedToEveryoneWithoutTheAsker() {
		String asker = registeredSupplier("Asker");
		String other = registeredSupplier("Reader");
		JsonNode tender = publishedTender(MOI_STAFF);
		String id = tender.get("id").asString();
		String askerId = ok(get("/suppliers/me", asker), 200).get("id").asString();

		assertProblem(post("/tenders/" + id + "/clarifications", "{\"question\":\"?\"}", TestTokens.citizen("c")), 403,
				"forbidden");
		assertProblem(post("/tenders/" + id + "/clarifications", "{\"question\":\"?\"}",
				TestTokens.supplier("unregistered")), 404, "supplier-not-registered");
		assertProblem(post("/tenders/" + id + "/clarifications", "{\"question\":\"\"}", asker), 400, "validation-failed");
		JsonNode question = ok(post("/tenders/" + id + "/clarifications",
				"{\"question\":\"May we offer 14-inch screens?\"}", asker), 201);
		String clarificationId = question.get("id").asString();
		assertThat(ok(get("/tenders/" + id + "/clarifications", null), 200)).isEmpty();
		assertThat(ok(get("/tenders/" + id + "/clarifications", other), 200)).isEmpty();
		assertThat(ok(get("/tenders/" + id + "/clarifications", asker), 200).get(0).get("mine").asBoolean()).isTrue();
		assertThat(ok(get("/tenders/" + id + "/clarifications", MOI_STAFF), 200)).hasSize(1);

		String answer = "{\"answer\":{\"en\":\"Yes, 14 inches or more\",\"ar\":\"نعم، 14 بوصة أو أكثر\"}}";
		assertProblem(post("/tenders/" + id + "/clarifications/" + clarificationId + "/answer", answer, MME_STAFF), 403,
				"forbidden-other-agency");
		assertProblem(post("/tenders/" + id + "/clarifications/" + clarificationId + "/answer", answer, asker), 403,
				"forbidden-other-agency");
		assertProblem(post("/tenders/" + id + "/clarifications/" + clarificationId + "/answer",
				"{\"answer\":{\"en\":\"Yes\"}}", MOI_STAFF), 400, "validation-failed");
		ok(post("/tenders/" + id + "/clarifications/" + clarificationId + "/answer", answer, MOI_STAFF), 200);
		assertProblem(post("/tenders/" + id + "/clarifications/" + clarificationId + "/answer", answer, MOI_STAFF), 404,
				"clarification-not-found");

		HttpResponse<String> published = get("/tenders/" + id + "/clarifications", null);
		JsonNode list = ok(published, 200);
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("answer").get("ar").asString()).isEqualTo("نعم، 14 بوصة أو أكثر");
		assertThat(list.get(0).get("mine").asBoolean()).isFalse();
		assertThat(published.body()).doesNotContain(askerId).doesNotContain("Asker").doesNotContain("supplier-");
		assertThat(get("/tenders/" + id + "/clarifications", MOI_STAFF).body()).doesNotContain(askerId)
			.doesNotContain("Asker");

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.PROCUREMENT_TENDERS, id, read -> read.size() >= 2);
		assertThat(events.get(1).getType()).isEqualTo("org.bawaba.procurement.clarification.answered.v1");
		assertThat(new String(events.get(1).getData().toBytes())).contains(clarificationId).doesNotContain(askerId);
	}

	@Test
	void onlyTheAgencysStaffActOnItsTenders() {
		JsonNode tender = publishedTender(MOI_STAFF);
		String id = tender.get("id").asString();
		String body = tenderText(clock.instant().plusSeconds(600), clock.instant().plusSeconds(7200),
				clock.instant().plusSeconds(9000));
		for (String outsider : List.of(TestTokens.citizen("citizen-x"), TestTokens.supplier("supplier-x"))) {
			assertProblem(post("/tenders", body, outsider), 403, "forbidden");
			assertProblem(post("/tenders/" + id + "/amendments", "{\"rationale\":\"x\",\"tender\":" + body + "}",
					outsider), 403, "forbidden-other-agency");
		}
		assertProblem(post("/tenders/" + id + "/amendments", "{\"rationale\":\"x\",\"tender\":" + body + "}", MME_STAFF),
				403, "forbidden-other-agency");
		assertProblem(post("/tenders/" + id + "/evaluation",
				"{\"results\":[{\"bidId\":\"" + id + "\",\"qualified\":true,\"score\":1,\"note\":\"x\"}]}", MME_STAFF), 403,
				"forbidden-other-agency");
		assertProblem(post("/tenders/" + id + "/award", "{\"bidId\":\"" + id
				+ "\",\"justification\":{\"en\":\"x\",\"ar\":\"س\"}}", MME_STAFF), 403, "forbidden-other-agency");
		assertProblem(post("/tenders/" + id + "/contract", null, MME_STAFF), 403, "forbidden-other-agency");
		assertThat(ok(get("/tenders/" + id, null), 200).get("version").asInt()).isEqualTo(1);
	}

	@Test
	void badInputIsAProblemInTheCallersLanguageAndChangesNothing() {
		long before = TestDatabase.count(DATABASE, "select count(*) from tender");
		Instant now = clock.instant();
		String valid = tenderText(now.plusSeconds(600), now.plusSeconds(7200), now.plusSeconds(9000));
		assertProblem(post("/tenders", "{\"title\":", MOI_STAFF), 400, "malformed-body");
		assertProblem(post("/tenders", valid.replace("1500000", "\"lots\""), MOI_STAFF), 400, "invalid-value");
		assertProblem(post("/tenders", valid.replace("\"ar\":\"حواسيب محمولة للمدارس\"", "\"ar\":\"\""), MOI_STAFF), 400,
				"validation-failed");
		assertProblem(post("/tenders", valid.replace("\"QAR\"", "\"qatari riyal\""), MOI_STAFF), 400, "validation-failed");
		assertProblem(post("/tenders", valid.replace("it-equipment", "weapons"), MOI_STAFF), 400, "category-unknown");
		assertProblem(post("/tenders", valid.replace("\"weight\":30", "\"weight\":20"), MOI_STAFF), 400,
				"criteria-weights");
		assertProblem(post("/tenders", tenderText(now.plusSeconds(600), now.plusSeconds(9000), now.plusSeconds(7200)),
				MOI_STAFF), 400, "deadlines-out-of-order");
		assertProblem(post("/tenders", tenderText(now.minusSeconds(900), now.minusSeconds(600), now.minusSeconds(300)),
				MOI_STAFF), 400, "deadline-in-the-past");
		assertProblem(post("/tenders", valid.replace("https://tenders.example/spec.pdf", "javascript:alert(1)"),
				MOI_STAFF), 400, "validation-failed");
		assertProblem(post("/tenders", valid, TestTokens.expired("moi-staff")), 401, "unauthorized");
		assertProblem(post("/tenders", valid, TestTokens.forged("moi-staff")), 401, "unauthorized");
		assertProblem(post("/tenders", valid, null), 401, "unauthorized");
		assertProblem(get("/tenders/not-a-uuid", null), 400, "invalid-parameter");
		assertProblem(get("/tenders/00000000-0000-0000-0000-000000000000", null), 404, "tender-not-found");
		assertProblem(get("/tenders?status=OPEN", null), 400, "invalid-parameter");
		assertProblem(get("/tenders?feed=everything", null), 400, "validation-failed");
		assertProblem(get("/tenders?feed=changes&offset=-3", null), 400, "validation-failed");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from tender")).isEqualTo(before);

		HttpResponse<String> arabic = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/tenders/00000000-0000-0000-0000-000000000000")).header("Accept-Language", "ar").GET().build());
		assertThat(json(arabic).get("title").asString()).isEqualTo("المناقصة غير موجودة");

		String supplier = registeredSupplier("BadBids");
		String id = publishedTender(MOI_STAFF).get("id").asString();
		assertProblem(post("/tenders/" + id + "/bids", bid("-5"), supplier), 400, "validation-failed");
		assertProblem(post("/tenders/" + id + "/bids", bid("5").replace("QAR", "USD"), supplier), 400,
				"currency-mismatch");
		assertProblem(post("/tenders/" + id + "/bids", bid("5").replaceFirst("\"content\":\"[^\"]*\"",
				"\"content\":\"not base64!\""), supplier), 400, "validation-failed");
		assertProblem(post("/tenders/" + id + "/bids", "{\"amount\":5}", supplier), 400, "validation-failed");
		assertProblem(post("/tenders/" + id + "/bids", bid("5"), MOI_STAFF), 403, "forbidden");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bid where tender_id = ?::uuid", id)).isZero();
	}

}
