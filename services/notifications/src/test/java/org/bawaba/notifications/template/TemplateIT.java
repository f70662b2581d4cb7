package org.bawaba.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.bawaba.notifications.NotificationsIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TemplateIT extends NotificationsIT {

	private static final String ADMIN = TestTokens.platformAdmin();

	@Test
	void aPlatformAdminEditsATemplateAsANewVersionThatTheNextNoticeUses() {
		JsonNode before = json(get("/templates/application-info-requested", ADMIN));
		int version = before.get("current").get("version").asInt();
		assertThat(before.get("current").get("ar").get("subject").asString()).matches("(?s).*[\\u0600-\\u06FF].*");

		HttpResponse<String> saved = put("/templates/application-info-requested", """
				{"en": {"subject": "{{agency}} needs something from you", "body": "Open {{serviceCode}} and answer."},
				 "ar": {"subject": "{{agency}} تحتاج شيئًا منك", "body": "افتح {{serviceCode}} وأجب."}}""", ADMIN);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(json(saved).get("version").asInt()).isEqualTo(version + 1);
		JsonNode after = json(get("/templates/application-info-requested", ADMIN));
		assertThat(after.get("versions").valueStream().map(JsonNode::asInt)).contains(version, version + 1);
		assertThat(json(get("/templates/application-info-requested/versions/" + version, ADMIN)).get("en")
			.get("subject").asString()).isEqualTo("Information needed for your application");

		String citizen = unique("templated");
		String token = TestTokens.citizen(citizen);
		String application = UUID.randomUUID().toString();
		publish(APPLICATIONS, "org.bawaba.eservices.application.info-requested.v1", application,
				"{\"applicationId\":\"" + application + "\",\"serviceCode\":\"mol-job-seeker\",\"agency\":\"mol\","
						+ "\"citizenSubject\":\"" + citizen + "\",\"requestedAt\":\"2026-11-02T08:00:00Z\"}");
		JsonNode notice = inboxUntil(token, items -> !items.isEmpty()).get(0);
		assertThat(notice.get("subject").asString()).isEqualTo("mol needs something from you");
		assertThat(notice.get("body").asString()).isEqualTo("Open mol-job-seeker and answer.");
		assertThat(count("select template_version from notice where recipient = ?", citizen)).isEqualTo(version + 1);

		JsonNode preview = json(post("/templates/application-info-requested/preview",
				"{\"data\":{\"agency\":\"moi\",\"serviceCode\":\"x\"}}", ADMIN));
		assertThat(preview.get("ar").get("subject").asString()).isEqualTo("moi تحتاج شيئًا منك");
	}

	@Test
	void onlyPlatformAdminsEditAndBadTemplatesAreRejectedInBothLanguages() {
		String valid = """
				{"en": {"subject": "s", "body": "b"}, "ar": {"subject": "ع", "body": "ن"}}""";
		assertThat(put("/templates/application-completed", valid, TestTokens.citizen("c")).statusCode()).isEqualTo(403);
		assertThat(put("/templates/application-completed", valid, TestTokens.admin("a", "moi")).statusCode()).isEqualTo(403);
		assertThat(get("/templates", TestTokens.staff("s", "moi")).statusCode()).isEqualTo(403);
		assertThat(put("/templates/application-completed", valid, null).statusCode()).isEqualTo(401);
		long versions = count("select count(*) from template where code = 'application-completed'");

		HttpResponse<String> broken = send(HttpRequest.newBuilder(uri("/templates/application-completed"))
			.header("Authorization", ADMIN).header("Content-Type", "application/json").header("Accept-Language", "ar")
			.PUT(HttpRequest.BodyPublishers.ofString("""
					{"en": {"subject": "Hello {{name", "body": "b"}, "ar": {"subject": "ع", "body": "ن"}}"""))
			.build());
		assertThat(broken.statusCode()).isEqualTo(400);
		JsonNode error = json(broken).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("en.subject");
		assertThat(error.get("message").asString()).contains("{{name");
		assertThat(error.get("messages").get("en").asString()).contains("not well formed");
		assertThat(put("/templates/application-completed", "{\"en\": {\"subject\": \"s\", \"body\": \"b\"}}", ADMIN)
			.statusCode()).isEqualTo(400);
		assertThat(put("/templates/application-completed", "{\"en\": {\"subject\": \"\", \"body\": \"b\"}, "
				+ "\"ar\": {\"subject\": \"ع\", \"body\": \"ن\"}}", ADMIN).statusCode()).isEqualTo(400);
		assertThat(put("/templates/Bad_Code", valid, ADMIN).statusCode()).isEqualTo(400);
		assertThat(get("/templates/no-such-template", ADMIN).statusCode()).isEqualTo(404);
		assertThat(count("select count(*) from template where code = 'application-completed'")).isEqualTo(versions);
	}

}
