package org.bawaba.eservices.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.eservices.EservicesIT;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApplicationIT extends EservicesIT {

	static final String CITIZEN = TestTokens.citizen("citizen-a");

	static final String OTHER_CITIZEN = TestTokens.citizen("citizen-b");

	static final String MOL_STAFF = TestTokens.staff("mol-staff", "mol");

	static final String MOI_STAFF = TestTokens.staff("moi-staff", "moi");

	static final String JOB_SEEKER = "{\"qualification\":\"bachelor\",\"field\":\"Accounting\"}";

	@Test
	void theWholeLifecycleWithHistoryAndAnEventForEveryChange() {
		HttpResponse<String> created = post("/applications",
				"{\"serviceCode\":\"mol-job-seeker\",\"formData\":{\"qualification\":\"bachelor\"}}", CITIZEN);
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode draft = json(created);
		String id = draft.get("id").asString();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("reference").asString()).matches("ES-\\d{4}-\\d{6}");
		assertThat(get("/queue", MOL_STAFF).body()).doesNotContain(id);

		assertThat(put("/applications/" + id + "/form", "{\"formData\":" + JOB_SEEKER + "}", CITIZEN).statusCode())
			.isEqualTo(200);
		assertThat(status(post("/applications/" + id + "/submit", "", CITIZEN))).isEqualTo("SUBMITTED");
		assertThat(get("/queue?status=SUBMITTED&serviceCode=mol-job-seeker&size=100", MOL_STAFF).body()).contains(id);

		JsonNode assigned = json(post("/applications/" + id + "/assign", "{}", MOL_STAFF));
		assertThat(assigned.get("assignee").asString()).isEqualTo("mol-staff");
		assertThat(get("/queue?assignee=mol-staff&size=100", MOL_STAFF).body()).contains(id);
		assertThat(get("/queue?assignee=&size=100", MOL_STAFF).body()).doesNotContain(id);

		assertThat(status(post("/applications/" + id + "/start-review", "", MOL_STAFF))).isEqualTo("IN_REVIEW");
		assertThat(status(post("/applications/" + id + "/request-info", "{\"message\":\"Which university?\"}",
				MOL_STAFF))).isEqualTo("INFORMATION_REQUESTED");
		assertThat(status(post("/applications/" + id + "/answer", "{\"message\":\"Qatar University\"}", CITIZEN)))
			.isEqualTo("IN_REVIEW");
		assertThat(status(post("/applications/" + id + "/approve", "", MOL_STAFF))).isEqualTo("APPROVED");
		JsonNode completed = json(post("/applications/" + id + "/complete", "", MOL_STAFF));
		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.get("ratingInvited").asBoolean()).isTrue();

		JsonNode history = json(get("/applications/" + id + "/history", CITIZEN));
		assertThat(history.valueStream().map(h -> h.get("to").asString())).containsExactly("DRAFT", "SUBMITTED",
				"IN_REVIEW", "INFORMATION_REQUESTED", "IN_REVIEW", "APPROVED", "COMPLETED");
		assertThat(history.get(3).get("note").asString()).isEqualTo("Which university?");
		assertThat(history.get(3).get("actor").asString()).isEqualTo("mol-staff");

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ESERVICES_APPLICATIONS, id, read -> read.size() >= 6);
		assertThat(events).extracting(CloudEvent::getType).containsExactly(
				"org.bawaba.eservices.application.submitted.v1", "org.bawaba.eservices.application.status-changed.v1",
				"org.bawaba.eservices.application.info-requested.v1",
				"org.bawaba.eservices.application.status-changed.v1",
				"org.bawaba.eservices.application.status-changed.v1", "org.bawaba.eservices.application.completed.v1");
		JsonNode answered = JSON.readTree(events.get(3).getData().toBytes());
		assertThat(answered.get("from").asString()).isEqualTo("ACTION_REQUIRED");
		assertThat(answered.get("to").asString()).isEqualTo("IN_REVIEW");
		assertThat(events).allSatisfy(event -> {
			String data = new String(event.getData().toBytes());
			assertThat(data).contains("\"citizenSubject\":\"citizen-a\"").doesNotContain("28463400001");
			assertThat(event.getSource()).hasToString("/bawaba/eservices");
		});
	}

	@Test
	void illegalTransitionsAre409AndChangeNothing() {
		String id = submitted("mol-job-seeker", JOB_SEEKER);
		HttpResponse<String> approve = post("/applications/" + id + "/approve", "", MOL_STAFF);
		assertThat(approve.statusCode()).isEqualTo(409);
		assertThat(isProblem(approve)).isTrue();
		assertThat(json(approve).get("type").asString()).endsWith("/illegal-transition");
		assertThat(post("/applications/" + id + "/submit", "", CITIZEN).statusCode()).isEqualTo(409);
		assertThat(post("/applications/" + id + "/complete", "", MOL_STAFF).statusCode()).isEqualTo(409);
		assertThat(post("/applications/" + id + "/answer", "{\"message\":\"x\"}", CITIZEN).statusCode()).isEqualTo(409);
		assertThat(put("/applications/" + id + "/form", "{\"formData\":{}}", CITIZEN).statusCode()).isEqualTo(409);
		assertThat(status(get("/applications/" + id, CITIZEN))).isEqualTo("SUBMITTED");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from application_history where application_id = ?::uuid", id))
			.isEqualTo(2);

		HttpResponse<String> reject = post("/applications/" + id + "/reject", "{\"message\":\"\"}", MOL_STAFF);
		assertThat(reject.statusCode()).isEqualTo(400);
		JsonNode rejected = json(post("/applications/" + id + "/reject",
				"{\"message\":\"The qualification is not recognised\"}", MOL_STAFF));
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
		assertThat(json(get("/applications/" + id + "/history", CITIZEN)).get(2).get("note").asString())
			.isEqualTo("The qualification is not recognised");
		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ESERVICES_APPLICATIONS, id, read -> read.size() >= 2);
		assertThat(new String(events.get(1).getData().toBytes())).contains("\"to\":\"REJECTED\"")
			.contains("not recognised");
	}

	@Test
	void anUnpaidLevel3ApplicationNeverReachesReviewAndLevel1ServicesTakeNoApplications() {
		String id = submitted("moi-vehicle-registration-renewal", "{\"plateNumber\":\"123456\",\"insurancePolicy\":\"P-1\"}");
		JsonNode application = json(get("/applications/" + id, CITIZEN));
		assertThat(application.get("paymentRequired").asBoolean()).isTrue();
		assertThat(application.get("paid").asBoolean()).isFalse();
		HttpResponse<String> review = post("/applications/" + id + "/start-review", "", MOI_STAFF);
		assertThat(review.statusCode()).isEqualTo(409);
		assertThat(json(review).get("type").asString()).endsWith("/payment-required");
		assertThat(status(get("/applications/" + id, MOI_STAFF))).isEqualTo("SUBMITTED");

		HttpResponse<String> informative = post("/applications", "{\"serviceCode\":\"moi-traffic-violations\"}", CITIZEN);
		assertThat(informative.statusCode()).isEqualTo(409);
		assertThat(post("/applications", "{\"serviceCode\":\"no-such\"}", CITIZEN).statusCode()).isEqualTo(409);
	}

	@Test
	void citizensSeeOnlyTheirOwnAndStaffOnlyTheirAgencysNothingLeaked() {
		String id = submitted("mol-job-seeker", JOB_SEEKER);
		String reference = json(get("/applications/" + id, CITIZEN)).get("reference").asString();

		for (HttpResponse<String> response : List.of(get("/applications/" + id, OTHER_CITIZEN),
				get("/applications/" + id + "/history", OTHER_CITIZEN), get("/applications/" + id, MOI_STAFF),
				post("/applications/" + id + "/start-review", "", MOI_STAFF),
				post("/applications/" + id + "/answer", "{\"message\":\"x\"}", OTHER_CITIZEN),
				get("/applications/00000000-0000-0000-0000-000000000000", CITIZEN))) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(isProblem(response)).isTrue();
			assertThat(response.body()).doesNotContain(reference).doesNotContain("citizen-a");
		}
		assertThat(json(get("/applications?size=100", OTHER_CITIZEN)).get("items").valueStream()
			.map(a -> a.get("id").asString())).doesNotContain(id);
		assertThat(get("/queue?size=100", MOI_STAFF).body()).doesNotContain(id);

		assertThat(post("/applications/" + id + "/start-review", "", CITIZEN).statusCode()).isEqualTo(403);
		assertThat(get("/queue", CITIZEN).statusCode()).isEqualTo(403);
		assertThat(post("/applications", "{\"serviceCode\":\"mol-job-seeker\"}", MOL_STAFF).statusCode()).isEqualTo(403);
		assertThat(get("/applications/" + id, null).statusCode()).isEqualTo(401);
		assertThat(status(get("/applications/" + id, MOL_STAFF))).isEqualTo("SUBMITTED");
	}

	@Test
	void anInvalidFormIsRejectedPerFieldInBothLanguagesAndNothingIsStored() {
		long applications = TestDatabase.count(DATABASE, "select count(*) from application");
		HttpResponse<String> invalid = post("/applications",
				"{\"serviceCode\":\"mol-job-seeker\",\"submit\":true,\"formData\":{\"qualification\":\"phd\",\"extra\":1}}",
				CITIZEN);
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(isProblem(invalid)).isTrue();
		List<JsonNode> errors = json(invalid).get("errors").valueStream().toList();
		assertThat(errors).extracting(e -> e.get("field").asString())
			.contains("/field", "/qualification");
		assertThat(errors).allSatisfy(error -> {
			assertThat(error.get("messages").get("en").asString()).isNotBlank();
			assertThat(error.get("messages").get("ar").asString()).matches("(?s).*[\\u0600-\\u06FF].*");
		});

		HttpResponse<String> arabic = send(HttpRequest.newBuilder(uri("/applications"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "ar")
			.header("Authorization", CITIZEN)
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"serviceCode\":\"mol-job-seeker\",\"submit\":true,\"formData\":{\"qualification\":\"bachelor\"}}"))
			.build());
		assertThat(arabic.statusCode()).isEqualTo(400);
		assertThat(json(arabic).get("errors").get(0).get("message").asString()).matches("(?s).*[\\u0600-\\u06FF].*");

		assertThat(post("/applications", "{\"serviceCode\":\"mol-job-seeker\",\"formData\":[1]}", CITIZEN).statusCode())
			.isEqualTo(400);
		assertThat(post("/applications", "{\"formData\":{}}", CITIZEN).statusCode()).isEqualTo(400);
		assertThat(post("/applications", "{\"serviceCode\":", CITIZEN).statusCode()).isEqualTo(400);
		assertThat(get("/applications/not-a-uuid", CITIZEN).statusCode()).isEqualTo(400);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from application")).isEqualTo(applications);
	}

	private String submitted(String service, String form) {
		HttpResponse<String> response = post("/applications",
				"{\"serviceCode\":\"" + service + "\",\"submit\":true,\"formData\":" + form + "}", CITIZEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response).get("id").asString();
	}

	private static String status(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("status").asString();
	}

}
