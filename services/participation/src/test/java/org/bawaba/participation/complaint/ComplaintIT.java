package org.bawaba.participation.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.participation.ComplaintFiledV1;
import org.bawaba.contracts.participation.ComplaintRepliedV1;
import org.bawaba.contracts.participation.ComplaintStatusChangedV1;
import org.bawaba.participation.ParticipationIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

class ComplaintIT extends ParticipationIT {

	private static final String MOI = TestTokens.staff("moi-officer", "moi");

	private static final String MME = TestTokens.staff("mme-officer", "mme");

	@Autowired
	SlaScheduler sla;

	private JsonNode file(String citizen, String agency) {
		var filed = post("/complaints", """
				{"kind": "COMPLAINT", "agency": "%s", "serviceCode": "%s-passport-renewal",
				 "subject": "Passport renewal stuck", "description": "Submitted three weeks ago, no news.",
				 "latitude": 25.2854, "longitude": 51.531, "address": "Doha"}""".formatted(agency, agency), citizen);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		return json(filed);
	}

	private static String status(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("status").asString();
	}

	@Test
	void theLifecycleFromFilingToClosingWithOneReopenEveryStepAnEvent() {
		String citizen = TestTokens.citizen("complainer-1");
		JsonNode complaint = file(citizen, "moi");
		String id = complaint.get("id").asString();
		assertThat(complaint.get("trackingNumber").asString()).matches("CS-\\d{4}-\\d{6}");
		assertThat(complaint.get("status").asString()).isEqualTo("FILED");

		var early = post("/complaints/" + id + "/reopen", "{\"message\": \"still broken\"}", citizen);
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat(isProblem(early)).isTrue();

		assertThat(status(post("/complaints/" + id + "/triage", "{\"note\": \"passport office\"}", MOI))).isEqualTo("TRIAGED");
		assertThat(status(post("/complaints/" + id + "/assign", "{\"assignee\": \"moi-officer-2\"}", MOI))).isEqualTo("ASSIGNED");
		assertThat(status(post("/complaints/" + id + "/reply", "{\"message\": \"We are checking with the passport office.\"}", MOI))).isEqualTo("REPLIED");
		assertThat(status(post("/complaints/" + id + "/resolve", "{\"message\": \"Your passport is ready.\"}", MOI))).isEqualTo("RESOLVED");
		assertThat(status(post("/complaints/" + id + "/reopen", "{\"message\": \"It is not ready.\"}", citizen))).isEqualTo("REOPENED");
		assertThat(status(post("/complaints/" + id + "/resolve", "{\"message\": \"Now it is.\"}", MOI))).isEqualTo("RESOLVED");
		var again = post("/complaints/" + id + "/reopen", "{\"message\": \"Again.\"}", citizen);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json(again).get("type").asString()).endsWith("/complaint-reopened-already");
		assertThat(status(post("/complaints/" + id + "/close", "", citizen))).isEqualTo("CLOSED");
		assertThat(post("/complaints/" + id + "/reply", "{\"message\": \"late\"}", MOI).statusCode()).isEqualTo(409);

		JsonNode read = json(get("/complaints/" + id, citizen));
		assertThat(read.get("history").valueStream().map(step -> step.get("status").asString()))
			.containsExactly("FILED", "TRIAGED", "ASSIGNED", "REPLIED", "RESOLVED", "REOPENED", "RESOLVED", "CLOSED");
		assertThat(read.get("assignee").asString()).isEqualTo("moi-officer-2");
		assertThat(read.get("reopened").asBoolean()).isTrue();
		assertThat(json(get("/complaints/tracking/" + complaint.get("trackingNumber").asString(), citizen)).get("id").asString()).isEqualTo(id);

		List<CloudEvent> events = events(Topics.PARTICIPATION_COMPLAINTS, id, found -> found.size() >= 9);
		assertThat(events).extracting(CloudEvent::getType).containsExactly(ComplaintFiledV1.TYPE,
				ComplaintStatusChangedV1.TYPE, ComplaintStatusChangedV1.TYPE, ComplaintStatusChangedV1.TYPE,
				ComplaintRepliedV1.TYPE, ComplaintStatusChangedV1.TYPE, ComplaintStatusChangedV1.TYPE,
				ComplaintStatusChangedV1.TYPE, ComplaintStatusChangedV1.TYPE);
		JsonNode filed = data(events.getFirst());
		assertThat(filed.get("citizen").asString()).isEqualTo("complainer-1");
		assertThat(filed.get("kind").asString()).isEqualTo("COMPLAINT");
		assertThat(filed.get("serviceCode").asString()).isEqualTo("moi-passport-renewal");
		assertThat(filed.get("dueAt").asString()).isNotBlank();
		assertThat(data(events.get(4)).has("message")).isFalse();
		assertThat(events.stream().skip(1).filter(event -> event.getType().equals(ComplaintStatusChangedV1.TYPE))
			.map(event -> data(event).get("status").asString()))
			.containsExactly("TRIAGED", "ASSIGNED", "REPLIED", "RESOLVED", "REOPENED", "RESOLVED", "CLOSED");
		events.forEach(event -> assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
			.doesNotContain("passport office").doesNotContain(TestTokens.NATIONAL_ID));
	}

	@Test
	void anotherCitizenAndAnotherAgencySeeNothingAndCannotAct() {
		String citizen = TestTokens.citizen("complainer-2");
		String id = file(citizen, "moi").get("id").asString();
		String other = TestTokens.citizen("complainer-3");
		assertThat(get("/complaints/" + id, other).statusCode()).isEqualTo(404);
		assertThat(get("/complaints/" + id, MME).statusCode()).isEqualTo(404);
		assertThat(post("/complaints/" + id + "/triage", "", MME).statusCode()).isEqualTo(404);
		assertThat(post("/complaints/" + id + "/triage", "", citizen).statusCode()).isEqualTo(404);
		assertThat(post("/complaints/" + id + "/reopen", "{\"message\": \"x\"}", other).statusCode()).isEqualTo(404);
		assertThat(get("/complaints", other).body()).doesNotContain(id);
		assertThat(get("/complaints", MME).body()).doesNotContain(id);
		assertThat(get("/complaints", MOI).body()).contains(id);
		assertThat(get("/complaints", citizen).body()).contains(id);
		assertThat(get("/complaints/" + id, null).statusCode()).isEqualTo(401);
		assertThat(get("/complaints/" + id, TestTokens.forged("complainer-2")).statusCode()).isEqualTo(401);
		assertThat(get("/complaints/" + id, TestTokens.expired("complainer-2")).statusCode()).isEqualTo(401);
		assertThat(json(get("/complaints/" + id, MOI)).get("status").asString()).isEqualTo("FILED");
	}

	@Test
	void badInputIsAProblemAndStoresNothing() {
		String citizen = TestTokens.citizen("complainer-4");
		long before = count("select count(*) from complaint");
		var unknownAgency = post("/complaints", """
				{"kind": "COMPLAINT", "agency": "nasa", "subject": "s", "description": "d"}""", citizen);
		assertThat(unknownAgency.statusCode()).isEqualTo(400);
		assertThat(json(unknownAgency).get("type").asString()).endsWith("/agency-unknown");
		assertThat(post("/complaints", """
				{"kind": "GRUMBLE", "agency": "moi", "subject": "s", "description": "d"}""", citizen).statusCode()).isEqualTo(400);
		var missing = post("/complaints", """
				{"kind": "SUGGESTION", "agency": "moi", "subject": "s"}""", citizen);
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("description");
		assertThat(post("/complaints", """
				{"kind": "SUGGESTION", "agency": "moi", "serviceCode": "mme-building-permit", "subject": "s", "description": "d"}""",
				citizen).statusCode()).isEqualTo(400);
		assertThat(post("/complaints", """
				{"kind": "SUGGESTION", "agency": "moi", "subject": "s", "description": "d", "latitude": 123}""",
				citizen).statusCode()).isEqualTo(400);
		assertThat(post("/complaints", "{\"kind\": ", citizen).statusCode()).isEqualTo(400);
		assertThat(post("/complaints", """
				{"kind": "SUGGESTION", "agency": "moi", "subject": "s", "description": "d"}""", MOI).statusCode()).isEqualTo(403);
		var arabic = send(HttpRequest.newBuilder(uri("/complaints")).header("Content-Type", "application/json")
			.header("Authorization", citizen).header("Accept-Language", "ar")
			.POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"COMPLAINT\", \"agency\": \"nasa\", \"subject\": \"s\", \"description\": \"d\"}")).build());
		assertThat(json(arabic).get("title").asString()).isEqualTo("جهة غير معروفة");
		assertThat(get("/complaints/" + UUID.randomUUID(), citizen).statusCode()).isEqualTo(404);
		assertThat(post("/complaints/" + file(citizen, "moi").get("id").asString() + "/assign", "{}", MOI).statusCode()).isEqualTo(400);
		assertThat(count("select count(*) from complaint")).isEqualTo(before + 1);
	}

	@Test
	void missedDeadlinesAreFlaggedOnceEachAndPublished() {
		String citizen = TestTokens.citizen("complainer-5");
		JsonNode complaint = file(citizen, "moi");
		String id = complaint.get("id").asString();
		sla.check();
		assertThat(json(get("/complaints/" + id, MOI)).get("slaBreached").asBoolean()).isFalse();

		CLOCK.advance(Duration.ofHours(49));
		assertThat(sla.check()).isGreaterThanOrEqualTo(1);
		sla.check();
		JsonNode breached = json(get("/complaints/" + id, MOI));
		assertThat(breached.get("slaBreached").asBoolean()).isTrue();
		assertThat(breached.get("replyBreached").asBoolean()).isTrue();
		assertThat(breached.get("resolutionBreached").asBoolean()).isFalse();
		assertThat(breached.get("status").asString()).isEqualTo("FILED");
		assertThat(get("/complaints?breached=true&size=100", MOI).body()).contains(id);

		CLOCK.advance(Duration.ofHours(120));
		sla.check();
		assertThat(json(get("/complaints/" + id, MOI)).get("resolutionBreached").asBoolean()).isTrue();

		List<CloudEvent> events = events(Topics.PARTICIPATION_COMPLAINTS, id, found -> found.size() >= 3);
		assertThat(events).hasSize(3);
		for (CloudEvent event : events.subList(1, 3)) {
			JsonNode data = data(event);
			assertThat(event.getType()).isEqualTo(ComplaintStatusChangedV1.TYPE);
			assertThat(data.get("slaBreached").asBoolean()).isTrue();
			assertThat(data.get("status").asString()).isEqualTo("FILED");
			assertThat(data.get("previousStatus").asString()).isEqualTo("FILED");
		}
		// another agency's deadlines are its own: mme answers within 48 h, resolves within 240 h
		JsonNode mme = file(citizen, "mme");
		assertThat(Duration.between(java.time.Instant.parse(mme.get("filedAt").asString()),
				java.time.Instant.parse(mme.get("resolutionDueAt").asString()))).isEqualTo(Duration.ofHours(240));
	}

	@Test
	void attachmentsAreSniffedLimitedAndKeptOnDisk() throws Exception {
		String citizen = TestTokens.citizen("complainer-6");
		String id = file(citizen, "mme").get("id").asString();
		byte[] png = java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
		var attached = upload(id, "pothole.png", png, citizen);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		JsonNode attachment = json(attached);
		assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
		assertThat(Files.exists(ATTACHMENTS.resolve(id).resolve(attachment.get("id").asString()))).isTrue();
		assertThat(count("select count(*) from information_schema.columns where table_name = 'complaint_attachment' and data_type = 'bytea'")).isZero();

		var renamed = upload(id, "photo.png", "MZ\u0090\u0000 this is an executable".getBytes(StandardCharsets.ISO_8859_1), citizen);
		assertThat(renamed.statusCode()).isEqualTo(415);
		assertThat(isProblem(renamed)).isTrue();
		var large = upload(id, "large.pdf", new byte[6 * 1024 * 1024], citizen);
		assertThat(large.statusCode()).isEqualTo(413);
		assertThat(upload(id, "empty.png", new byte[0], citizen).statusCode()).isEqualTo(400);
		assertThat(upload(id, "x.png", png, TestTokens.citizen("complainer-7")).statusCode()).isEqualTo(404);

		String path = "/complaints/" + id + "/attachments/" + attachment.get("id").asString();
		var download = send(HttpRequest.newBuilder(uri(path)).header("Authorization", MME).GET().build());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(get(path, MOI).statusCode()).isEqualTo(404);
		assertThat(get(path, TestTokens.citizen("complainer-7")).statusCode()).isEqualTo(404);
		assertThat(json(get("/complaints/" + id, citizen)).get("attachments")).hasSize(1);
	}

	private HttpResponse<String> upload(String id, String filename, byte[] content, String bearer) {
		String boundary = "----bawaba" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(HttpRequest.newBuilder(uri("/complaints/" + id + "/attachments"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", bearer)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	private HttpResponse<String> postForm(String path, Map<String, String> form, String bearer) {
		String body = form.entrySet().stream()
			.map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		return send(request.build());
	}

	@Test
	void open311ClientsListServicesFileAndFollowRequests() {
		var services = get("/open311/v2/services.json", null);
		assertThat(services.statusCode()).isEqualTo(200);
		JsonNode list = json(services);
		assertThat(list.valueStream().map(service -> service.get("service_code").asString()))
			.contains("mme.complaint", "mme.suggestion", "moi.complaint");
		assertThat(list.get(0).get("metadata").asBoolean()).isFalse();
		assertThat(list.get(0).get("type").asString()).isEqualTo("realtime");
		var arabicServices = getArabic("/open311/v2/services.json", null);
		assertThat(json(arabicServices).get(0).get("service_name").asString()).startsWith("شكوى");
		assertThat(get("/open311/v2/services/mme.complaint.json", null).statusCode()).isEqualTo(200);

		Map<String, String> form = Map.of("service_code", "mme.complaint", "description", "Pothole on Al Corniche Street",
				"lat", "25.2931", "long", "51.5321", "address_string", "Al Corniche", "api_key", "ignored");
		assertThat(postForm("/open311/v2/requests.json", form, null).statusCode()).isEqualTo(401);
		var unknown = postForm("/open311/v2/requests.json", Map.of("service_code", "nasa.complaint", "description", "x"),
				TestTokens.citizen("fixmystreet-user"));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(isProblem(unknown)).isTrue();
		assertThat(postForm("/open311/v2/requests.json", Map.of("service_code", "mme.complaint", "description", "x", "lat", "north"),
				TestTokens.citizen("fixmystreet-user")).statusCode()).isEqualTo(400);
		assertThat(postForm("/open311/v2/requests.json", Map.of("service_code", "mme.complaint"),
				TestTokens.citizen("fixmystreet-user")).statusCode()).isEqualTo(400);

		String citizen = TestTokens.citizen("fixmystreet-user");
		var filed = postForm("/open311/v2/requests.json", form, citizen);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
		String requestId = json(filed).get(0).get("service_request_id").asString();
		assertThat(requestId).matches("CS-\\d{4}-\\d{6}");

		JsonNode request = json(get("/open311/v2/requests/" + requestId + ".json", citizen)).get(0);
		assertThat(request.get("status").asString()).isEqualTo("open");
		assertThat(request.get("agency_responsible").asString()).isEqualTo("Ministry of Municipality and Environment");
		assertThat(request.get("service_code").asString()).isEqualTo("mme.complaint");
		assertThat(request.get("lat").asDouble()).isEqualTo(25.2931);
		assertThat(request.get("address").asString()).isEqualTo("Al Corniche");
		assertThat(get("/open311/v2/requests/" + requestId + ".json", TestTokens.citizen("someone-else")).statusCode()).isEqualTo(404);
		assertThat(get("/open311/v2/requests/" + requestId + ".json", null).statusCode()).isEqualTo(401);

		String id = json(get("/complaints/tracking/" + requestId, citizen)).get("id").asString();
		post("/complaints/" + id + "/reply", "{\"message\": \"A crew is on its way.\"}", MME);
		post("/complaints/" + id + "/resolve", "{\"message\": \"Repaired on Sunday.\"}", MME);
		JsonNode closed = json(get("/open311/v2/requests/" + requestId + ".json", citizen)).get(0);
		assertThat(closed.get("status").asString()).isEqualTo("closed");
		assertThat(closed.get("status_notes").asString()).contains("Repaired on Sunday.");
		assertThat(json(get("/open311/v2/requests.json?service_request_id=" + requestId, MME)).get(0)
			.get("service_request_id").asString()).isEqualTo(requestId);
		assertThat(get("/open311/v2/requests.json?status=closed", citizen).body()).contains(requestId);
		assertThat(get("/open311/v2/requests.json?status=open", citizen).body()).doesNotContain(requestId);
	}

}
