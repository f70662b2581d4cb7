package org.bawaba.participation.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.bawaba.participation.ParticipationIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

class ConsultationIT extends ParticipationIT {

	private static final String MME = TestTokens.staff("mme-editor", "mme");

	private JsonNode publish(Instant opensAt, Instant closesAt) {
		var created = post("/consultations", """
				{"title": {"en": "Draft regulation on shaded parking", "ar": "مسودة لائحة المواقف المظللة"},
				 "summary": {"en": "Shade for every public car park.", "ar": "مظلات لكل موقف عام."},
				 "sections": [
				   {"heading": {"en": "Scope", "ar": "النطاق"}, "body": {"en": "Public car parks.", "ar": "المواقف العامة."}},
				   {"heading": {"en": "Deadlines", "ar": "المهل"}, "body": {"en": "Within two years.", "ar": "خلال سنتين."}}],
				 "opensAt": "%s", "closesAt": "%s"}""".formatted(opensAt, closesAt), MME);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created);
	}

	@Test
	void citizensCommentReplyAndSupportStaffModerateAndTheAgencyReports() {
		Instant now = CLOCK.instant();
		JsonNode consultation = publish(now, now.plus(Duration.ofDays(14)));
		String id = consultation.get("id").asString();
		String section = consultation.get("sections").get(1).get("id").asString();
		assertThat(consultation.get("state").asString()).isEqualTo("OPEN");
		assertThat(json(get("/consultations/" + id, null)).get("sections").get(0).get("heading").get("ar").asString()).isEqualTo("النطاق");

		String amal = TestTokens.citizen("amal");
		String badr = TestTokens.citizen("badr");
		var comment = post("/consultations/" + id + "/comments",
				"{\"sectionId\": \"" + section + "\", \"body\": \"Two years is too long.\"}", amal);
		assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
		String commentId = json(comment).get("id").asString();
		var reply = post("/consultations/" + id + "/comments", "{\"parentId\": \"" + commentId + "\", \"body\": \"أوافق\"}",
				TestTokens.arabicCitizen("badr"));
		assertThat(reply.statusCode()).isEqualTo(201);
		assertThat(json(reply).get("sectionId").asString()).isEqualTo(section);
		assertThat(json(reply).get("language").asString()).isEqualTo("ar");
		String spam = json(post("/consultations/" + id + "/comments", "{\"body\": \"Buy cheap watches!\"}", badr)).get("id").asString();

		assertThat(json(post("/comments/" + commentId + "/support", "", badr)).get("supports").asInt()).isEqualTo(1);
		assertThat(json(post("/comments/" + commentId + "/support", "", badr)).get("supports").asInt()).isEqualTo(1);
		assertThat(json(post("/comments/" + commentId + "/support", "", TestTokens.citizen("chadi"))).get("supports").asInt()).isEqualTo(2);

		assertThat(post("/comments/" + spam + "/hide", "{\"reason\": {\"en\": \"Advertising\", \"ar\": \"إعلان\"}}",
				TestTokens.staff("moi-editor", "moi")).statusCode()).isEqualTo(403);
		assertThat(post("/comments/" + spam + "/hide", "{\"reason\": {\"en\": \"Advertising\", \"ar\": \"إعلان\"}}", amal).statusCode()).isEqualTo(403);
		assertThat(post("/comments/" + spam + "/hide", "{\"reason\": {\"en\": \"Advertising\"}}", MME).statusCode()).isEqualTo(400);
		JsonNode hidden = json(post("/comments/" + spam + "/hide", "{\"reason\": {\"en\": \"Advertising\", \"ar\": \"إعلان\"}}", MME));
		assertThat(hidden.get("hidden").asBoolean()).isTrue();
		assertThat(post("/comments/" + spam + "/support", "", amal).statusCode()).isEqualTo(409);

		JsonNode thread = json(get("/consultations/" + id + "/comments", null));
		assertThat(thread).hasSize(3);
		JsonNode shown = byId(thread, spam);
		assertThat(shown.get("hidden").asBoolean()).isTrue();
		assertThat(shown.get("body").isNull()).isTrue();
		assertThat(shown.get("hiddenReason").get("ar").asString()).isEqualTo("إعلان");
		assertThat(byId(thread, commentId).get("body").asString()).isEqualTo("Two years is too long.");
		assertThat(thread.toString()).doesNotContain("amal").doesNotContain("badr");
		assertThat(byId(json(get("/consultations/" + id + "/comments", amal)), commentId).get("mine").asBoolean()).isTrue();

		var early = post("/consultations/" + id + "/report", "{\"report\": {\"en\": \"We shorten it to one year.\", \"ar\": \"نختصرها إلى سنة.\"}}", MME);
		assertThat(early.statusCode()).isEqualTo(409);
		CLOCK.advance(Duration.ofDays(15));
		assertThat(post("/consultations/" + id + "/comments", "{\"body\": \"Too late?\"}", amal).statusCode()).isEqualTo(409);
		assertThat(post("/consultations/" + id + "/report", "{\"report\": {\"en\": \"x\", \"ar\": \"س\"}}",
				TestTokens.staff("moi-editor", "moi")).statusCode()).isEqualTo(403);
		JsonNode reported = json(post("/consultations/" + id + "/report",
				"{\"report\": {\"en\": \"We shorten it to one year.\", \"ar\": \"نختصرها إلى سنة.\"}}", MME));
		assertThat(reported.get("state").asString()).isEqualTo("CLOSED");
		assertThat(reported.get("report").get("ar").asString()).isEqualTo("نختصرها إلى سنة.");
		assertThat(post("/consultations/" + id + "/report", "{\"report\": {\"en\": \"x\", \"ar\": \"س\"}}", MME).statusCode()).isEqualTo(409);
	}

	private static JsonNode byId(JsonNode comments, String id) {
		return comments.valueStream().filter(comment -> comment.get("id").asString().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void badInputAndWrongCallersAreRefused() {
		Instant now = CLOCK.instant();
		JsonNode upcoming = publish(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
		String id = upcoming.get("id").asString();
		assertThat(post("/consultations/" + id + "/comments", "{\"body\": \"early\"}", TestTokens.citizen("dana")).statusCode()).isEqualTo(409);
		assertThat(post("/consultations", "{\"title\": {\"en\": \"t\", \"ar\": \"ع\"}}", MME).statusCode()).isEqualTo(400);
		assertThat(post("/consultations", "{}", TestTokens.citizen("dana")).statusCode()).isEqualTo(400);
		JsonNode open = publish(now, now.plus(Duration.ofDays(2)));
		String openId = open.get("id").asString();
		assertThat(post("/consultations/" + openId + "/comments", "{\"body\": \"\"}", TestTokens.citizen("dana")).statusCode()).isEqualTo(400);
		var unknownSection = post("/consultations/" + openId + "/comments",
				"{\"sectionId\": \"" + UUID.randomUUID() + "\", \"body\": \"x\"}", TestTokens.citizen("dana"));
		assertThat(unknownSection.statusCode()).isEqualTo(400);
		assertThat(isProblem(unknownSection)).isTrue();
		assertThat(post("/consultations/" + openId + "/comments", "{\"body\": \"x\"}", MME).statusCode()).isEqualTo(403);
		assertThat(post("/consultations/" + openId + "/comments", "{\"body\": \"x\"}", null).statusCode()).isEqualTo(401);
		assertThat(get("/consultations/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
		assertThat(post("/comments/" + UUID.randomUUID() + "/support", "", TestTokens.citizen("dana")).statusCode()).isEqualTo(404);
		assertThat(count("select count(*) from consultation_comment where consultation_id = ?::uuid", openId)).isZero();
	}

}
