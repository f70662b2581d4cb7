package org.bawaba.procurement.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.bawaba.procurement.ProcurementIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Suppliers register, subscribe to categories; agencies see their profiles; nobody else does. */
class SupplierIT extends ProcurementIT {

	@Test
	void aBusinessRegistersSubscribesAndEveryChangeIsAnEventWithoutContactDetails() {
		String subject = "supplier-qtech-" + UUID.randomUUID();
		String token = TestTokens.supplier(subject);
		JsonNode registered = ok(post("/suppliers", supplierProfile("CR-77001", "QTech"), token), 201);
		String id = registered.get("id").asString();
		assertThat(registered.get("name").get("ar").asString()).isEqualTo("QTech للتجارة");
		assertThat(registered.get("subscriptions").valueStream().map(JsonNode::asString))
			.containsExactly("it-equipment", "it-services");
		assertThat(registered.get("members").valueStream().map(JsonNode::asString)).containsExactly(subject);
		assertThat(ok(get("/suppliers/me", token), 200).get("id").asString()).isEqualTo(id);

		JsonNode subscribed = ok(put("/suppliers/me/subscriptions", "{\"categories\":[\"consulting\",\"it-services\"]}",
				token), 200);
		assertThat(subscribed.get("subscriptions").valueStream().map(JsonNode::asString))
			.containsExactly("consulting", "it-services");
		JsonNode updated = ok(put("/suppliers/me", supplierProfile("CR-77001", "QTechGroup"), token), 200);
		assertThat(updated.get("name").get("en").asString()).isEqualTo("QTechGroup Trading");
		assertProblem(put("/suppliers/me", supplierProfile("CR-99999", "QTech"), token), 400,
				"registration-number-immutable");

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.PROCUREMENT_SUPPLIERS, id, read -> read.size() >= 3);
		assertThat(events).extracting(CloudEvent::getType).containsOnly("org.bawaba.procurement.supplier.updated.v1");
		JsonNode afterSubscription = JSON.readTree(events.get(1).getData().toBytes());
		assertThat(afterSubscription.get("categories").valueStream().map(JsonNode::asString))
			.containsExactly("consulting", "it-services");
		assertThat(afterSubscription.get("members").valueStream().map(JsonNode::asString)).containsExactly(subject);
		assertThat(JSON.readTree(events.get(2).getData().toBytes()).get("name").asString()).isEqualTo("QTechGroup Trading");
		assertThat(events).allSatisfy(event -> assertThat(new String(event.getData().toBytes()))
			.doesNotContain("@").doesNotContain("4444").doesNotContain("Tender desk"));
	}

	@Test
	void oneRegistrationPerBusinessAndPerUserAndOnlyForSuppliers() {
		String token = TestTokens.supplier("supplier-dup-" + UUID.randomUUID());
		ok(post("/suppliers", supplierProfile("CR-55501", "Dup"), token), 201);
		long before = TestDatabase.count(DATABASE, "select count(*) from supplier");
		assertProblem(post("/suppliers", supplierProfile("CR-55502", "Dup"), token), 409, "supplier-already-registered");
		assertProblem(post("/suppliers", supplierProfile("CR-55501", "Copy"), TestTokens.supplier("someone-else")), 409,
				"registration-number-taken");
		assertProblem(post("/suppliers", supplierProfile("CR-55503", "Citizen"), TestTokens.citizen("citizen-z")), 403,
				"forbidden");
		assertProblem(post("/suppliers", supplierProfile("CR-55504", "Odd").replace("it-services", "weapons"),
				TestTokens.supplier("odd")), 400, "category-unknown");
		assertProblem(post("/suppliers", supplierProfile("CR-55505", "Mail").replace("bids@mail.example", "not-mail"),
				TestTokens.supplier("mail")), 400, "validation-failed");
		assertProblem(post("/suppliers", supplierProfile("CR 55506 !", "Bad"), TestTokens.supplier("bad")), 400,
				"validation-failed");
		assertProblem(put("/suppliers/me/subscriptions", "{\"categories\":[\"weapons\"]}", token), 400,
				"category-unknown");
		assertProblem(get("/suppliers/me", TestTokens.supplier("never-registered")), 404, "supplier-not-registered");
		assertThat(TestDatabase.count(DATABASE, "select count(*) from supplier")).isEqualTo(before);
	}

	@Test
	void agenciesSeeSupplierProfilesOtherSuppliersAndCitizensDoNot() {
		String token = TestTokens.supplier("supplier-visible-" + UUID.randomUUID());
		String id = ok(post("/suppliers", supplierProfile("CR-66601", "Visible"), token), 201).get("id").asString();
		JsonNode seen = ok(get("/suppliers/" + id, MME_STAFF), 200);
		assertThat(seen.get("contact").get("email").asString()).isEqualTo("bids@visible.example");
		assertThat(ok(get("/suppliers/" + id, TestTokens.platformAdmin()), 200).get("id").asString()).isEqualTo(id);
		assertThat(get("/suppliers?category=it-services&size=100", MOI_STAFF).body()).contains(id);
		assertThat(get("/suppliers?category=cleaning&size=100", MOI_STAFF).body()).doesNotContain(id);
		assertThat(ok(get("/suppliers/" + id, token), 200).get("id").asString()).isEqualTo(id);

		String other = registeredSupplier("Competitor");
		for (String outsider : List.of(other, TestTokens.citizen("citizen-y"))) {
			assertProblem(get("/suppliers/" + id, outsider), 404, "supplier-not-found");
			assertProblem(get("/suppliers", outsider), 403, "forbidden");
		}
		assertProblem(get("/suppliers/" + id, null), 401, "unauthorized");
	}

}
