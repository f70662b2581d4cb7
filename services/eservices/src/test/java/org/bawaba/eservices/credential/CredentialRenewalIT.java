package org.bawaba.eservices.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.CredentialIssuedV1;
import org.bawaba.contracts.eservices.ApplicationCompletedV1;
import org.bawaba.contracts.eservices.CredentialExpiringV1;
import org.bawaba.contracts.eservices.CredentialRenewalApprovedV1;
import org.bawaba.eservices.EservicesIT;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Proactive renewal: the registry fed by the agencies' credential.issued events, the click-to-renew notice
 * once per credential and window, the prefilled renewal and its submission, and the loop that ends with the
 * agency's renewed credential completing the application.
 */
class CredentialRenewalIT extends EservicesIT {

	static final String MOI_STAFF = TestTokens.staff("moi-officer", "moi");

	static final String MOL_STAFF = TestTokens.staff("mol-officer", "mol");

	static final String ADMIN = TestTokens.platformAdmin();

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Qatar"));

	@Test
	void theRegistryKeepsEachPersonsOwnCredentials() {
		String holder = holder();
		UUID id = issue(holder, "RESIDENCE_PERMIT", TODAY.plusDays(400), null);
		JsonNode mine = awaitCredentials(holder, list -> list.toString().contains(id.toString()));
		JsonNode credential = find(mine, id);
		assertThat(credential.get("type").asString()).isEqualTo("RESIDENCE_PERMIT");
		assertThat(credential.get("agency").asString()).isEqualTo("moi");
		assertThat(credential.get("expiresOn").asString()).isEqualTo(TODAY.plusDays(400).toString());
		assertThat(credential.get("state").asString()).isEqualTo("VALID");
		assertThat(credential.toString()).doesNotContain("number");

		String other = TestTokens.citizen(holder());
		assertThat(get("/me/credentials", other).body()).doesNotContain(id.toString());
		HttpResponse<String> notMine = get("/me/credentials/" + id, other);
		assertThat(notMine.statusCode()).isEqualTo(404);
		assertThat(isProblem(notMine)).isTrue();
		assertThat(get("/me/credentials/" + id, TestTokens.citizen(holder)).statusCode()).isEqualTo(200);
		assertThat(get("/me/credentials/not-a-uuid", other).statusCode()).isEqualTo(400);
		assertThat(get("/me/credentials", null).statusCode()).isEqualTo(401);
	}

	@Test
	void oneNoticePerCredentialAndWindowEvenWhenTwoRunsRaceAndOnlyWithinTheWindow() {
		String holder = holder();
		UUID soon = issue(holder, "ID_CARD", TODAY.plusDays(30), null);
		UUID lastDay = issue(holder, "RESIDENCE_PERMIT", TODAY.plusDays(60), null);
		UUID outside = issue(holder, "ID_CARD", TODAY.plusDays(61), null);
		UUID expired = issue(holder, "ID_CARD", TODAY.minusDays(1), null);
		awaitCredentials(holder, list -> list.size() == 4);

		// two runs at once, as two instances' jobs would
		CompletableFuture<HttpResponse<String>> first = CompletableFuture
			.supplyAsync(() -> post("/credentials/renewal-notices", "", ADMIN));
		CompletableFuture<HttpResponse<String>> second = CompletableFuture
			.supplyAsync(() -> post("/credentials/renewal-notices", "", ADMIN));
		assertThat(first.join().statusCode()).as(first.join().body()).isEqualTo(200);
		assertThat(second.join().statusCode()).as(second.join().body()).isEqualTo(200);
		JsonNode run = json(first.join());
		assertThat(run.get("windowDays").asInt()).isEqualTo(60);
		assertThat(run.get("until").asString()).isEqualTo(TODAY.plusDays(60).toString());
		// and a third, later
		assertThat(post("/credentials/renewal-notices", "", ADMIN).statusCode()).isEqualTo(200);

		// a marker noticed after all three runs: once it is on the topic, every earlier notice is too
		UUID marker = issue(holder(), "ID_CARD", TODAY.plusDays(5), null);
		awaitCredentialKnown(marker);
		assertThat(post("/credentials/renewal-notices", "", ADMIN).statusCode()).isEqualTo(200);
		TestKafka.events(KAFKA, Topics.ESERVICES_CREDENTIALS, marker.toString(), read -> read.size() >= 1);

		java.util.Map<String, List<CloudEvent>> all = expiringByCredential();
		List<CloudEvent> notices = all.getOrDefault(soon.toString(), List.of());
		assertThat(notices).hasSize(1);
		JsonNode data = JSON.readTree(notices.getFirst().getData().toBytes());
		assertThat(data.get("citizen").asString()).isEqualTo(holder);
		assertThat(data.get("agency").asString()).isEqualTo("moi");
		assertThat(data.get("type").asString()).isEqualTo("ID_CARD");
		assertThat(data.get("expiresOn").asString()).isEqualTo(TODAY.plusDays(30).toString());
		assertThat(data.get("windowDays").asInt()).isEqualTo(60);
		assertThat(data.get("serviceCode").asString()).isEqualTo("moi-id-card-proactive-renewal");
		assertThat(data.get("link").asString()).isEqualTo("/renewals/" + soon);
		assertThat(notices.getFirst().getSubject()).isEqualTo(soon.toString());
		assertThat(all.get(lastDay.toString())).hasSize(1);
		assertThat(JSON.readTree(all.get(lastDay.toString()).getFirst().getData().toBytes()).get("serviceCode").asString())
			.isEqualTo("moi-residence-permit-proactive-renewal");
		assertThat(all).doesNotContainKeys(outside.toString(), expired.toString());
		assertThat(noticesInDatabase(soon)).isEqualTo(1);

		JsonNode states = json(get("/me/credentials", TestTokens.citizen(holder)));
		assertThat(find(states, soon).get("state").asString()).isEqualTo("EXPIRING");
		assertThat(find(states, outside).get("state").asString()).isEqualTo("VALID");
		assertThat(find(states, expired).get("state").asString()).isEqualTo("EXPIRED");
	}

	@Test
	void agencyStaffTriggerOnlyTheirAgencysNoticesOthersMayNot() {
		String holder = holder();
		UUID moi = issue(holder, "ID_CARD", TODAY.plusDays(10), null);
		awaitCredentialKnown(moi);

		JsonNode mol = json(post("/credentials/renewal-notices", "", MOL_STAFF));
		assertThat(mol.get("agency").asString()).isEqualTo("mol");
		HttpResponse<String> otherAgency = post("/credentials/renewal-notices?agency=moi", "", MOL_STAFF);
		assertThat(otherAgency.statusCode()).isEqualTo(403);
		assertThat(isProblem(otherAgency)).isTrue();
		HttpResponse<String> citizen = post("/credentials/renewal-notices", "", TestTokens.citizen(holder));
		assertThat(citizen.statusCode()).isEqualTo(403);
		assertThat(isProblem(citizen)).isTrue();
		assertThat(post("/credentials/renewal-notices", "", null).statusCode()).isEqualTo(401);

		JsonNode run = json(post("/credentials/renewal-notices", "", MOI_STAFF));
		assertThat(run.get("agency").asString()).isEqualTo("moi");
		assertThat(run.get("sent").asInt()).isGreaterThanOrEqualTo(1);
		// the mol run came first and did not notice the moi credential: only the moi run did, once
		assertThat(TestKafka.events(KAFKA, Topics.ESERVICES_CREDENTIALS, moi.toString(), read -> read.size() >= 1))
			.hasSize(1);
	}

	@Test
	void theRenewalOpensPrefilledAndIsSubmittedOnceForTheHolderOnly() {
		String holder = holder();
		String citizen = TestTokens.citizen(holder);
		UUID id = issue(holder, "RESIDENCE_PERMIT", TODAY.plusDays(20), null);
		awaitCredentialKnown(id);

		HttpResponse<String> opened = get("/me/credentials/" + id + "/renewal", citizen);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
		JsonNode offer = json(opened);
		assertThat(offer.get("service").get("code").asString()).isEqualTo("moi-residence-permit-proactive-renewal");
		assertThat(offer.get("service").get("title").get("ar").asString()).isNotBlank();
		JsonNode form = offer.get("formData");
		assertThat(form.get("credentialId").asString()).isEqualTo(id.toString());
		assertThat(form.get("credentialType").asString()).isEqualTo("RESIDENCE_PERMIT");
		assertThat(form.get("currentExpiry").asString()).isEqualTo(TODAY.plusDays(20).toString());
		assertThat(form.get("idNumber").asString()).isEqualTo(TestTokens.NATIONAL_ID);
		assertThat(form.get("delivery").asString()).isEqualTo("office");
		assertThat(offer.get("missing").size()).isZero();
		assertThat(offer.get("prefilled").toString()).contains("credentialId", "idNumber").doesNotContain("delivery");

		String stranger = TestTokens.citizen(holder());
		assertThat(get("/me/credentials/" + id + "/renewal", stranger).statusCode()).isEqualTo(404);
		HttpResponse<String> strangerSubmits = post("/me/credentials/" + id + "/renewal", "", stranger);
		assertThat(strangerSubmits.statusCode()).isEqualTo(404);
		assertThat(isProblem(strangerSubmits)).isTrue();
		assertThat(get("/me/credentials/" + id + "/renewal", MOI_STAFF).statusCode()).isEqualTo(403);
		assertThat(post("/me/credentials/" + UUID.randomUUID() + "/renewal", "", citizen).statusCode()).isEqualTo(404);
		assertThat(post("/me/credentials/" + id + "/renewal", "{\"formData\": 5}", citizen).statusCode()).isEqualTo(400);
		assertThat(post("/me/credentials/" + id + "/renewal", "{\"formData\": {\"delivery\": \"drone\"}}", citizen)
			.statusCode()).isEqualTo(400);
		assertThat(post("/me/credentials/" + id + "/renewal", "{not json", citizen).statusCode()).isEqualTo(400);
		assertThat(json(get("/applications?size=100", citizen)).toString()).doesNotContain("moi-residence-permit");

		// the citizen chooses delivery; what the platform knows cannot be overridden
		HttpResponse<String> submitted = post("/me/credentials/" + id + "/renewal",
				"{\"formData\": {\"delivery\": \"courier\", \"credentialId\": \"" + UUID.randomUUID() + "\"}}", citizen);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		JsonNode application = json(submitted);
		assertThat(application.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(application.get("serviceCode").asString()).isEqualTo("moi-residence-permit-proactive-renewal");
		assertThat(application.get("formData").get("delivery").asString()).isEqualTo("courier");
		assertThat(application.get("formData").get("credentialId").asString()).isEqualTo(id.toString());
		assertThat(submitted.headers().firstValue("Location").orElseThrow())
			.isEqualTo("/applications/" + application.get("id").asString());

		HttpResponse<String> again = post("/me/credentials/" + id + "/renewal", "", citizen);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(isProblem(again)).isTrue();
		assertThat(json(again).get("type").asString()).endsWith("renewal-open");
		HttpResponse<String> arabic = send(java.net.http.HttpRequest.newBuilder(uri("/me/credentials/" + id + "/renewal"))
			.header("Authorization", citizen).header("Accept-Language", "ar").GET().build());
		assertThat(arabic.statusCode()).isEqualTo(409);
		assertThat(json(arabic).get("title").asString()).isEqualTo("التجديد قيد الإجراء");
		assertThat(find(json(get("/me/credentials", citizen)), id).get("renewalApplicationId").asString())
			.isEqualTo(application.get("id").asString());

		// rejected, the renewal may be opened again
		String applicationId = application.get("id").asString();
		assertThat(post("/applications/" + applicationId + "/reject", "{\"message\":\"Photo outdated\"}", MOI_STAFF)
			.statusCode()).isEqualTo(200);
		assertThat(post("/me/credentials/" + id + "/renewal", "", citizen).statusCode()).isEqualTo(201);
	}

	@Test
	void aPersonWithoutANationalIdInTheTokenIsAskedForIt() {
		String holder = holder();
		String citizen = "Bearer " + TestTokens.token(holder, null, null, "en", "citizen");
		UUID id = issue(holder, "ID_CARD", TODAY.plusDays(20), null);
		awaitCredentialKnown(id);
		JsonNode offer = json(get("/me/credentials/" + id + "/renewal", citizen));
		assertThat(offer.get("missing").toString()).contains("idNumber");
		HttpResponse<String> incomplete = post("/me/credentials/" + id + "/renewal", "", citizen);
		assertThat(incomplete.statusCode()).isEqualTo(400);
		assertThat(incomplete.body()).contains("idNumber");
		assertThat(get("/me/credentials/" + id + "/renewal", citizen).statusCode()).isEqualTo(200);
		assertThat(post("/me/credentials/" + id + "/renewal", "{\"formData\": {\"idNumber\": \"29063400003\"}}", citizen)
			.statusCode()).isEqualTo(201);
	}

	@Test
	void approvedTheAgencyIssuesTheNewCredentialWhichCompletesTheRenewal() {
		String holder = holder();
		String citizen = TestTokens.citizen(holder);
		UUID old = issue(holder, "ID_CARD", TODAY.plusDays(10), null);
		awaitCredentialKnown(old);
		String applicationId = json(post("/me/credentials/" + old + "/renewal", "", citizen)).get("id").asString();

		assertThat(post("/applications/" + applicationId + "/start-review", "", MOI_STAFF).statusCode()).isEqualTo(200);
		assertThat(post("/applications/" + applicationId + "/approve", "", MOI_STAFF).statusCode()).isEqualTo(200);
		List<CloudEvent> approved = TestKafka.events(KAFKA, Topics.ESERVICES_CREDENTIALS, old.toString(),
				read -> read.stream().anyMatch(e -> e.getType().equals(CredentialRenewalApprovedV1.TYPE)));
		CloudEvent approval = approved.stream().filter(e -> e.getType().equals(CredentialRenewalApprovedV1.TYPE))
			.findFirst().orElseThrow();
		JsonNode data = JSON.readTree(approval.getData().toBytes());
		assertThat(data.get("applicationId").asString()).isEqualTo(applicationId);
		assertThat(data.get("citizen").asString()).isEqualTo(holder);
		assertThat(data.get("agency").asString()).isEqualTo("moi");
		assertThat(data.get("type").asString()).isEqualTo("ID_CARD");
		assertThat(data.toString()).doesNotContain(TestTokens.NATIONAL_ID);

		// someone else's "renewal" of this credential is ignored
		UUID forged = issue(holder(), "ID_CARD", TODAY.plusYears(5), old);
		awaitCredentialKnown(forged);
		assertThat(json(get("/applications/" + applicationId, citizen)).get("status").asString()).isEqualTo("APPROVED");

		// the ministry's service answers with the new credential
		UUID renewed = UUID.randomUUID();
		String issued = issuedJson(renewed, holder, "ID_CARD", TODAY.plusYears(5), old);
		publish(issued, renewed);
		JsonNode mine = awaitCredentials(holder, list -> list.toString().contains(renewed.toString())
				&& "RENEWED".equals(find(list, old).get("state").asString()));
		assertThat(find(mine, old).get("renewedBy").asString()).isEqualTo(renewed.toString());
		assertThat(find(mine, renewed).get("replaces").asString()).isEqualTo(old.toString());
		assertThat(find(mine, renewed).get("expiresOn").asString()).isEqualTo(TODAY.plusYears(5).toString());
		assertThat(find(mine, renewed).get("state").asString()).isEqualTo("VALID");
		JsonNode completed = await(() -> json(get("/applications/" + applicationId, citizen)),
				application -> application.get("status").asString().equals("COMPLETED"));
		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(TestKafka.events(KAFKA, Topics.ESERVICES_APPLICATIONS, applicationId,
				read -> read.stream().anyMatch(e -> e.getType().equals(ApplicationCompletedV1.TYPE))))
			.anyMatch(e -> e.getType().equals(ApplicationCompletedV1.TYPE));

		// the same announcement again (another event id): nothing changes
		publish(issued, renewed);
		UUID marker = issue(holder, "RESIDENCE_PERMIT", TODAY.plusYears(2), null);
		awaitCredentials(holder, list -> list.toString().contains(marker.toString()));
		JsonNode history = json(get("/applications/" + applicationId + "/history", citizen));
		assertThat(history.valueStream().filter(h -> h.get("to").asString().equals("COMPLETED"))).hasSize(1);
		assertThat(history.get(history.size() - 1).get("actor").asString()).isEqualTo("moi");

		HttpResponse<String> renewedAlready = get("/me/credentials/" + old + "/renewal", citizen);
		assertThat(renewedAlready.statusCode()).isEqualTo(409);
		assertThat(json(renewedAlready).get("type").asString()).endsWith("credential-renewed");
		assertThat(post("/me/credentials/" + old + "/renewal", "", citizen).statusCode()).isEqualTo(409);
		// a renewed credential gets no more notices (the window's row stays as it was)
		int before = noticesInDatabase(old);
		assertThat(post("/credentials/renewal-notices", "", ADMIN).statusCode()).isEqualTo(200);
		assertThat(noticesInDatabase(old)).isEqualTo(before);
	}

	// --- helpers ---

	private static String holder() {
		return "holder-" + UUID.randomUUID();
	}

	/** Announces a credential as the agency's service would; returns its id. */
	private static UUID issue(String holder, String type, LocalDate expiresOn, UUID replaces) {
		UUID id = UUID.randomUUID();
		publish(issuedJson(id, holder, type, expiresOn, replaces), id);
		return id;
	}

	private static String issuedJson(UUID id, String holder, String type, LocalDate expiresOn, UUID replaces) {
		return JSON.writeValueAsString(new CredentialIssuedV1(id, "moi", holder,
				org.bawaba.contracts.agency.CredentialType.valueOf(type), expiresOn.minusYears(5), expiresOn,
				java.time.Instant.now(), replaces));
	}

	private static void publish(String data, UUID key) {
		CloudEvent event = CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(URI.create("/bawaba/moi-identity"))
			.withType(CredentialIssuedV1.TYPE)
			.withSubject(key.toString())
			.withTime(OffsetDateTime.now())
			.withDataContentType("application/json")
			.withData(data.getBytes(StandardCharsets.UTF_8))
			.build();
		String topic = Topics.ofAgency(Topics.AGENCY_CREDENTIALS, JSON.readTree(data).get("agency").asString());
		TestKafka.send(KAFKA, KafkaMessageFactory.createWriter(topic, key.toString()).writeBinary(event));
	}

	private JsonNode awaitCredentials(String holder, Predicate<JsonNode> done) {
		return await(() -> json(get("/me/credentials", TestTokens.citizen(holder))), done);
	}

	private static final org.springframework.jdbc.core.simple.JdbcClient DB = org.springframework.jdbc.core.simple.JdbcClient
		.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(DATABASE, "postgres", "", true));

	/** Waits until the registry has the credential (its holder is not always at hand). */
	private static void awaitCredentialKnown(UUID id) {
		int count = await(() -> DB.sql("select count(*) from credential where id = ?").param(id).query(Integer.class)
			.single(), found -> found == 1);
		assertThat(count).as("credential " + id + " recorded").isEqualTo(1);
	}

	private static int noticesInDatabase(UUID credential) {
		return DB.sql("select count(*) from credential_notice where credential_id = ?").param(credential)
			.query(Integer.class).single();
	}

	private static <T> T await(Supplier<T> call, Predicate<T> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		T value = call.get();
		while (!done.test(value) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			value = call.get();
		}
		return value;
	}

	private static JsonNode find(JsonNode credentials, UUID id) {
		return credentials.valueStream().filter(c -> c.get("id").asString().equals(id.toString())).findFirst()
			.orElseThrow(() -> new AssertionError(id + " not in " + credentials));
	}

	/** Every credential.expiring on the topic so far, by credential (read for a few seconds). */
	private static java.util.Map<String, List<CloudEvent>> expiringByCredential() {
		java.util.Map<String, List<CloudEvent>> byKey = new java.util.HashMap<>();
		TestKafka.read(KAFKA, Topics.ESERVICES_CREDENTIALS, records -> false, Duration.ofSeconds(8)).stream()
			.map(r -> KafkaMessageFactory.createReader(r).toEvent())
			.filter(e -> e.getType().equals(CredentialExpiringV1.TYPE))
			.forEach(e -> byKey.computeIfAbsent(e.getSubject(), k -> new java.util.ArrayList<>()).add(e));
		return byKey;
	}

}
