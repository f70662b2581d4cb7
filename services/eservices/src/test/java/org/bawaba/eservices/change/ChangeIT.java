package org.bawaba.eservices.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.ChangeConfirmedV1;
import org.bawaba.contracts.eservices.ChangeCompletedV1;
import org.bawaba.contracts.eservices.ChangeReportedV1;
import org.bawaba.eservices.EservicesIT;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tell us once in eservices: a change reported once asks every subscribed agency (moi, ewa), which read
 * the new value with their own service client and answer; the outcome is published once; late agencies
 * are visible, asked again a bounded number of times, and their late answer still counts.
 */
class ChangeIT extends EservicesIT {

	static final String ADDRESS = """
			{"kind":"ADDRESS","address":{"line1":"Building 12, Street 340","line2":"Zone 61","city":"Doha","postalCode":"61"}}""";

	static final String EWA_SYSTEM = "Bearer "
			+ TestTokens.token("service-account-ewa-accounts", "ewa", null, "en", "agency-service");

	static final String MOI_SYSTEM = "Bearer "
			+ TestTokens.token("service-account-moi-identity", "moi", null, "en", "agency-service");

	@Test
	void everyAgencyAnswersAndTheOutcomeIsPublishedOnceWithoutTheAddress() {
		String citizen = TestTokens.citizen("tuo-citizen-1");
		HttpResponse<String> reported = post("/me/changes", ADDRESS, citizen);
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		String id = json(reported).get("id").asString();
		assertThat(statuses(json(reported))).containsExactly("ewa:PENDING", "moi:PENDING");
		confirm(id, "moi", "UPDATED", null);
		confirm(id, "ewa", "FAILED", "{\"en\":\"No account at this address.\",\"ar\":\"لا يوجد حساب بهذا العنوان.\"}");

		List<CloudEvent> asked = TestKafka.events(KAFKA, Topics.ESERVICES_CHANGES, id, found -> !found.isEmpty());
		// (the agencies' answers are already in: the outcome may have followed the request by now)
		assertThat(asked.get(0).getType()).isEqualTo(ChangeReportedV1.TYPE);
		String data = new String(asked.get(0).getData().toBytes(), StandardCharsets.UTF_8);
		JsonNode request = JSON.readTree(data);
		assertThat(request.get("citizenSubject").asString()).isEqualTo("tuo-citizen-1");
		assertThat(request.get("agencies").valueStream().map(JsonNode::asString)).containsExactly("moi", "ewa");
		assertThat(request.get("attempt").asInt()).isEqualTo(1);
		assertThat(data).as("contact details never travel in events").doesNotContain("Street 340", "Doha");

		// the agencies asked read the new value with their own systems' tokens; nobody else does
		JsonNode forEwa = json(get("/changes/" + id, EWA_SYSTEM));
		assertThat(forEwa.get("address").get("line1").asString()).isEqualTo("Building 12, Street 340");
		assertThat(forEwa.get("citizenSubject").asString()).isEqualTo("tuo-citizen-1");
		assertThat(get("/changes/" + id, TestTokens.staff("moi-staff", "moi")).statusCode()).isEqualTo(200);
		String otherAgency = "Bearer " + TestTokens.token("service-account-mme", "mme", null, "en", "agency-service");
		assertProblem(get("/changes/" + id, otherAgency), 403);
		assertProblem(get("/changes/" + id, citizen), 403);
		assertProblem(get("/changes/" + UUID.randomUUID(), EWA_SYSTEM), 404);

		JsonNode done = await(id, citizen, change -> change.has("completedAt"));
		assertThat(statuses(done)).containsExactly("ewa:FAILED", "moi:UPDATED");
		assertThat(done.get("agencies").get(0).get("reason").get("ar").asString()).isEqualTo("لا يوجد حساب بهذا العنوان.");
		assertThat(done.get("agencies").get(1).get("name").get("en").asString()).isEqualTo("Ministry of Interior");

		List<CloudEvent> all = TestKafka.events(KAFKA, Topics.ESERVICES_CHANGES, id, found -> found.size() >= 2);
		assertThat(all).extracting(CloudEvent::getType).containsExactly(ChangeReportedV1.TYPE, ChangeCompletedV1.TYPE);
		JsonNode outcome = JSON.readTree(all.get(1).getData().toBytes());
		assertThat(outcome.get("updated").get(0).get("agency").asString()).isEqualTo("moi");
		assertThat(outcome.get("updated").get(0).get("ar").asString()).isEqualTo("وزارة الداخلية");
		assertThat(outcome.get("failed").get(0).get("agency").asString()).isEqualTo("ewa");
		assertThat(outcome.get("late")).isEmpty();

		JsonNode mine = json(get("/me/changes", citizen));
		assertThat(mine.valueStream().map(change -> change.get("id").asString())).contains(id);
		assertProblem(get("/me/changes/" + id, TestTokens.citizen("tuo-someone-else")), 404);
	}

	@Test
	void aLateAgencyIsVisibleAskedAgainAndItsLateAnswerStillCounts() {
		String citizen = TestTokens.citizen("tuo-citizen-2");
		String id = json(post("/me/changes", "{\"kind\":\"PHONE\",\"phone\":\"+97455512345\"}", citizen)).get("id")
			.asString();
		confirm(id, "moi", "UPDATED", null);

		// ewa stays silent: after the deadline it is LATE, the outcome is published, and it is asked again
		JsonNode late = await(id, citizen, change -> change.has("completedAt"));
		assertThat(statuses(late)).containsExactly("ewa:LATE", "moi:UPDATED");
		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ESERVICES_CHANGES, id,
				found -> found.stream().filter(e -> e.getType().equals(ChangeReportedV1.TYPE)).count() >= 3);
		List<JsonNode> requests = events.stream().filter(e -> e.getType().equals(ChangeReportedV1.TYPE))
			.map(e -> JSON.readTree(e.getData().toBytes())).toList();
		assertThat(requests).extracting(r -> r.get("attempt").asInt()).containsExactly(1, 2, 3);
		assertThat(requests.get(1).get("agencies").valueStream().map(JsonNode::asString)).containsExactly("ewa");
		List<JsonNode> outcomes = events.stream().filter(e -> e.getType().equals(ChangeCompletedV1.TYPE))
			.map(e -> JSON.readTree(e.getData().toBytes())).toList();
		assertThat(outcomes).hasSize(1);
		assertThat(outcomes.get(0).get("late").get(0).get("agency").asString()).isEqualTo("ewa");
		assertThat(outcomes.get(0).get("updated").get(0).get("agency").asString()).isEqualTo("moi");

		// bounded: no fourth request, however long we wait for one
		assertThat(TestKafka.read(KAFKA, Topics.ESERVICES_CHANGES, read -> false, Duration.ofSeconds(5)).stream()
			.filter(record -> id.equals(record.key()))
			.count()).as("three requests and one outcome").isEqualTo(4);
		assertThat(json(get("/me/changes/" + id, citizen)).get("agencies").get(0).get("attempts").asInt()).isEqualTo(3);

		// the late answer still counts, and is shown as late
		confirm(id, "ewa", "UPDATED", null);
		JsonNode updated = await(id, citizen, change -> statuses(change).contains("ewa:UPDATED"));
		assertThat(updated.get("agencies").get(0).get("late").asBoolean()).isTrue();
	}

	@Test
	void badInputIsAProblemAndRecordsNothing() {
		String citizen = TestTokens.citizen("tuo-citizen-3");
		long before = TestDatabase.count(DATABASE, "select count(*) from change_report");
		for (String body : List.of("{not json", "{\"kind\":\"EMAIL\",\"phone\":\"+97455512345\"}",
				"{\"kind\":\"ADDRESS\"}", "{\"kind\":\"ADDRESS\",\"address\":{\"line1\":\"12 Street\"}}",
				"{\"kind\":\"ADDRESS\",\"address\":{\"line1\":\"12 Street\",\"city\":\"Doha\"},\"phone\":\"+97455512345\"}",
				"{\"kind\":\"PHONE\",\"phone\":\"555-1234\"}", "{\"kind\":\"PHONE\"}", "{\"phone\":\"+97455512345\"}",
				"{\"kind\":\"PHONE\",\"phone\":12345}")) {
			assertProblem(post("/me/changes", body, citizen), 400);
		}
		HttpResponse<String> arabic = send(java.net.http.HttpRequest.newBuilder(uri("/me/changes"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "ar")
			.header("Authorization", citizen)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"ADDRESS\"}"))
			.build());
		assertThat(arabic.body()).contains("العنوان");
		assertProblem(post("/me/changes", ADDRESS, TestTokens.staff("moi-staff", "moi")), 403);
		assertProblem(post("/me/changes", ADDRESS, null), 401);
		assertProblem(get("/me/changes/not-a-uuid", citizen), 400);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from change_report")).isEqualTo(before);
	}

	private void confirm(String changeId, String agency, String outcome, String reason) {
		String data = "{\"changeId\":\"" + changeId + "\",\"agency\":\"" + agency + "\",\"outcome\":\"" + outcome
				+ "\",\"reason\":" + reason + ",\"confirmedAt\":\"2026-01-02T03:04:05Z\"}";
		CloudEvent event = CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(URI.create("/bawaba/" + agency))
			.withType(ChangeConfirmedV1.TYPE)
			.withSubject(changeId)
			.withTime(OffsetDateTime.now())
			.withDataContentType("application/json")
			.withData(data.getBytes(StandardCharsets.UTF_8))
			.build();
		TestKafka.send(KAFKA, KafkaMessageFactory.createWriter(Topics.ofAgency(Topics.AGENCY_CHANGES, agency), changeId).writeBinary(event));
	}

	private JsonNode await(String id, String citizen, Predicate<JsonNode> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		JsonNode change = json(get("/me/changes/" + id, citizen));
		while (!done.test(change) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			change = json(get("/me/changes/" + id, citizen));
		}
		return change;
	}

	private static List<String> statuses(JsonNode change) {
		return change.get("agencies").valueStream()
			.map(agency -> agency.get("agency").asString() + ":" + agency.get("status").asString())
			.toList();
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(isProblem(response)).as(response.body()).isTrue();
	}

}
