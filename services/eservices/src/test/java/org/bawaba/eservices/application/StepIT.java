package org.bawaba.eservices.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.eservices.ApplicationCompletedV1;
import org.bawaba.contracts.eservices.ApplicationStepFailedV1;
import org.bawaba.contracts.eservices.ApplicationStepOverdueV1;
import org.bawaba.contracts.steps.StepCompletedV1;
import org.bawaba.contracts.steps.StepFailedV1;
import org.bawaba.contracts.steps.StepRequestedV1;
import org.bawaba.eservices.EservicesIT;
import org.bawaba.platform.test.TestEvents;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Integrated (level 4) applications: the newborn service spans moph, moi and msd; the citizen submits once,
 * each agency is asked for its step by an event, and the application shows one status per agency.
 */
class StepIT extends EservicesIT {

	static final String NEWBORN = "moph-birth-certificate";

	static final String FORM = """
			{"childName":"Noor","birthDate":"2026-11-20","hospital":"Women's Wellness and Research Center"}""";

	@Test
	void submittingOnceAsksEachAgencyForItsStepWithoutPersonalData() {
		String citizen = TestTokens.citizen("parent-1");
		String id = apply(citizen);

		List<CloudEvent> requests = TestKafka.events(KAFKA, Topics.ESERVICES_STEPS, id, found -> found.size() >= 3);
		assertThat(requests).hasSize(3).allMatch(e -> e.getType().equals(StepRequestedV1.TYPE));
		List<JsonNode> data = requests.stream().map(e -> JSON.readTree(e.getData().toBytes())).toList();
		assertThat(data).extracting(d -> d.get("agency").asString()).containsExactlyInAnyOrder("moph", "moi", "msd");
		assertThat(data).extracting(d -> d.get("step").asString())
			.containsExactlyInAnyOrder("birth-certificate", "national-number", "child-allowance");
		assertThat(data).allMatch(d -> d.get("citizenSubject").asString().equals("parent-1"));
		assertThat(requests).extracting(e -> new String(e.getData().toBytes())).noneMatch(s -> s.contains("Noor"));

		JsonNode application = json(get("/applications/" + id, citizen));
		assertThat(application.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(application.get("attention").asBoolean()).isFalse();
		assertThat(application.get("steps")).hasSize(3);
		assertThat(application.get("steps").valueStream().map(s -> s.get("agency").asString()))
			.containsExactly("moph", "moi", "msd");
		assertThat(application.get("steps").valueStream().map(s -> s.get("status").asString())).containsOnly("PENDING");
		assertThat(application.get("steps").get(1).get("title").get("ar").asString()).isNotBlank();

		// another citizen does not see it; staff do not move it (the agencies' steps do)
		assertThat(get("/applications/" + id, TestTokens.citizen("someone-else")).statusCode()).isEqualTo(404);
		HttpResponse<String> staff = post("/applications/" + id + "/start-review", "",
				TestTokens.staff("moph-staff", "moph"));
		assertThat(staff.statusCode()).isEqualTo(409);
		assertThat(isProblem(staff)).isTrue();
		assertThat(status(id, citizen)).isEqualTo("SUBMITTED");
	}

	@Test
	void theApplicationCompletesWhenEveryAgencyHasDoneItsStep() {
		String citizen = TestTokens.citizen("parent-2");
		String id = apply(citizen);
		UUID application = UUID.fromString(id);

		publish(new StepCompletedV1(application, "birth-certificate", "moph", "BC-2026-0001", Instant.now()));
		publish(new StepCompletedV1(application, "national-number", "moi", "NN-29911200001", Instant.now()));
		JsonNode partly = awaitApplication(id, citizen, a -> count(a, "COMPLETED") == 2);
		assertThat(partly.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(partly.get("steps").get(0).get("reference").asString()).isEqualTo("BC-2026-0001");

		publish(new StepCompletedV1(application, "child-allowance", "msd", "CA-77", Instant.now()));
		JsonNode done = awaitApplication(id, citizen, a -> a.get("status").asString().equals("COMPLETED"));
		assertThat(done.get("steps").valueStream().map(s -> s.get("status").asString())).containsOnly("COMPLETED");
		assertThat(done.get("ratingInvited").asBoolean()).isTrue();
		List<CloudEvent> completed = TestKafka.events(KAFKA, Topics.ESERVICES_APPLICATIONS, id,
				found -> found.stream().anyMatch(e -> e.getType().equals(ApplicationCompletedV1.TYPE)));
		assertThat(completed).filteredOn(e -> e.getType().equals(ApplicationCompletedV1.TYPE)).hasSize(1);
		assertThat(json(get("/applications/" + id + "/history", citizen)).valueStream()
			.map(h -> h.get("actor").asString())).contains("agencies");
	}

	@Test
	void aResultFromAnAgencyThatDoesNotOwnTheStepIsIgnored() {
		String citizen = TestTokens.citizen("parent-3");
		String id = apply(citizen);
		UUID application = UUID.fromString(id);

		publish(new StepCompletedV1(application, "national-number", "moph", "FORGED-1", Instant.now()));
		publish(new StepFailedV1(application, "birth-certificate", "msd", "No", "لا", Instant.now()));
		publish(new StepCompletedV1(application, "no-such-step", "moph", "X", Instant.now()));
		// the results are read in order (one key, one partition): once msd's own result shows, the others were read
		publish(new StepCompletedV1(application, "child-allowance", "msd", "CA-78", Instant.now()));
		JsonNode after = awaitApplication(id, citizen, a -> step(a, "child-allowance").equals("COMPLETED"));
		assertThat(step(after, "national-number")).isEqualTo("PENDING");
		assertThat(step(after, "birth-certificate")).isEqualTo("PENDING");
		assertThat(after.get("steps").get(1).has("reference")).isFalse();
		assertThat(after.get("attention").asBoolean()).isFalse();
	}

	@Test
	void aFailedStepIsShownWithItsReasonAndTheCitizenIsTold() {
		String citizen = TestTokens.citizen("parent-4");
		String id = apply(citizen);
		UUID application = UUID.fromString(id);

		publish(new StepCompletedV1(application, "birth-certificate", "moph", "BC-2026-0002", Instant.now()));
		publish(new StepFailedV1(application, "child-allowance", "msd", "The family already receives the maximum.",
				"تتقاضى الأسرة الحد الأقصى بالفعل.", Instant.now()));
		publish(new StepCompletedV1(application, "national-number", "moi", "NN-29911200002", Instant.now()));

		JsonNode after = awaitApplication(id, citizen, a -> count(a, "COMPLETED") == 2 && count(a, "FAILED") == 1);
		assertThat(after.get("status").asString()).as("not complete while a step failed").isEqualTo("SUBMITTED");
		assertThat(after.get("attention").asBoolean()).isTrue();
		JsonNode failed = after.get("steps").get(2);
		assertThat(failed.get("reason").get("en").asString()).isEqualTo("The family already receives the maximum.");
		assertThat(failed.get("reason").get("ar").asString()).isEqualTo("تتقاضى الأسرة الحد الأقصى بالفعل.");

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ESERVICES_APPLICATIONS, id,
				found -> found.stream().anyMatch(e -> e.getType().equals(ApplicationStepFailedV1.TYPE)));
		JsonNode told = events.stream().filter(e -> e.getType().equals(ApplicationStepFailedV1.TYPE))
			.map(e -> JSON.readTree(e.getData().toBytes())).findFirst().orElseThrow();
		assertThat(told.get("citizenSubject").asString()).isEqualTo("parent-4");
		assertThat(told.get("stepAgency").asString()).isEqualTo("msd");
		assertThat(told.get("reasonAr").asString()).isEqualTo("تتقاضى الأسرة الحد الأقصى بالفعل.");
		assertThat(events).noneMatch(e -> e.getType().equals(ApplicationCompletedV1.TYPE));
	}

	@Test
	void aStepPastItsDeadlineBecomesOverdueAndTheCitizenIsToldButALateAnswerStillCounts() {
		String moph = TestTokens.staff("moph-staff", "moph");
		String service = """
				{"code":"moph-quick-steps","title":{"en":"Quick steps","ar":"خطوات سريعة"},
				 "description":{"en":"A test service whose steps are due at once.","ar":"خدمة اختبار مهلتها قصيرة."},
				 "category":"family","level":4,"status":"PUBLISHED",
				 "form":{"type":"object","properties":{"note":{"type":"string"}}},
				 "steps":[{"step":"fast","agency":"moph","title":{"en":"Fast","ar":"سريعة"},"deadline":"PT1S"},
				          {"step":"slow","agency":"moi","title":{"en":"Slow","ar":"بطيئة"},"deadline":"P1D"}]}""";
		HttpResponse<String> created = post("/services", service, moph);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String citizen = TestTokens.citizen("parent-5");
		HttpResponse<String> applied = post("/applications",
				"{\"serviceCode\":\"moph-quick-steps\",\"formData\":{},\"submit\":true}", citizen);
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
		String id = json(applied).get("id").asString();

		JsonNode overdue = awaitApplication(id, citizen, a -> step(a, "fast").equals("OVERDUE"));
		assertThat(step(overdue, "slow")).isEqualTo("PENDING");
		assertThat(overdue.get("attention").asBoolean()).isTrue();
		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ESERVICES_APPLICATIONS, id,
				found -> found.stream().anyMatch(e -> e.getType().equals(ApplicationStepOverdueV1.TYPE)));
		assertThat(events).filteredOn(e -> e.getType().equals(ApplicationStepOverdueV1.TYPE)).hasSize(1)
			.allMatch(e -> JSON.readTree(e.getData().toBytes()).get("step").asString().equals("fast"));

		publish(new StepCompletedV1(UUID.fromString(id), "fast", "moph", "LATE-1", Instant.now()));
		JsonNode late = awaitApplication(id, citizen, a -> step(a, "fast").equals("COMPLETED"));
		assertThat(late.get("attention").asBoolean()).isFalse();
	}

	@Test
	void stepsAreCheckedWhenTheCatalogueIsImported() {
		String file = """
				{"agency":{"code":"moph","name":{"en":"Ministry of Public Health","ar":"وزارة الصحة العامة"}},
				 "services":[{"code":"moph-bad-steps","title":{"en":"Bad","ar":"سيئة"},
				  "description":{"en":"Bad steps.","ar":"خطوات سيئة."},"category":"family","level":4,
				  "form":{"type":"object"},
				  "steps":[{"step":"one","agency":"nowhere","title":{"en":"One","ar":"واحدة"},"deadline":"P1D"},
				           {"step":"one","agency":"moi","title":{"en":"One","ar":"واحدة"},"deadline":"P1D"}]}]}""";
		HttpResponse<String> refused = put("/agencies/moph/catalogue", file, TestTokens.admin("moph-admin", "moph"));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(isProblem(refused)).isTrue();
		assertThat(refused.body()).contains("nowhere").contains("services[0].steps[0].agency")
			.contains("services[0].steps[1].step");
		assertThat(get("/services/moph-bad-steps", null).statusCode()).isEqualTo(404);

		String level3 = file.replace("\"level\":4", "\"level\":3").replace("nowhere", "moi")
			.replace("\"step\":\"one\",\"agency\":\"moi\"", "\"step\":\"two\",\"agency\":\"moi\"");
		HttpResponse<String> notIntegrated = put("/agencies/moph/catalogue", level3,
				TestTokens.admin("moph-admin", "moph"));
		assertThat(notIntegrated.statusCode()).as(notIntegrated.body()).isEqualTo(400);
		assertThat(notIntegrated.body()).contains("services[0].steps");
	}

	private String apply(String citizen) {
		HttpResponse<String> created = post("/applications",
				"{\"serviceCode\":\"" + NEWBORN + "\",\"formData\":" + FORM + ",\"submit\":true}", citizen);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).get("id").asString();
	}

	private String status(String id, String citizen) {
		return json(get("/applications/" + id, citizen)).get("status").asString();
	}

	private JsonNode awaitApplication(String id, String citizen, Predicate<JsonNode> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
		JsonNode last = json(get("/applications/" + id, citizen));
		while (!condition.test(last) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			last = json(get("/applications/" + id, citizen));
		}
		assertThat(condition.test(last)).as("within 45 s: " + last).isTrue();
		return last;
	}

	private static long count(JsonNode application, String status) {
		return application.get("steps").valueStream().filter(s -> s.get("status").asString().equals(status)).count();
	}

	private static String step(JsonNode application, String name) {
		return application.get("steps").valueStream().filter(s -> s.get("step").asString().equals(name))
			.map(s -> s.get("status").asString()).findFirst().orElseThrow();
	}

	private static void publish(DomainEvent result) {
		String type = result instanceof StepCompletedV1 ? StepCompletedV1.TYPE : StepFailedV1.TYPE;
		String agency = result instanceof StepCompletedV1 completed ? completed.agency() : ((StepFailedV1) result).agency();
		TestEvents.send(KAFKA, Topics.ofAgency(Topics.AGENCY_STEPS, agency), "/bawaba/test-agency", type, result.entityId(),
				JSON.writeValueAsBytes(result));
	}

}
