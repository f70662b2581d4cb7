package org.bawaba.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.platform.test.TestKafka;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole lifecycle of a tender: published, a question answered, two sealed bids, the opening at its
 * time, evaluation, award with justification, the standstill period, the contract; every step an event
 * and an OCDS release.
 */
class LifecycleIT extends ProcurementIT {

	@Test
	void publishBidOpenEvaluateAwardStandstillContract() {
		String alpha = registeredSupplier("Alpha");
		String beta = registeredSupplier("Beta");
		JsonNode tender = publishedTender(MOI_STAFF);
		String id = tender.get("id").asString();
		String ocid = tender.get("ocid").asString();
		assertThat(ocid).isEqualTo("ocds-bawaba-local-" + id);
		assertThat(tender.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(tender.get("version").asInt()).isEqualTo(1);

		JsonNode question = ok(post("/tenders/" + id + "/clarifications",
				"{\"question\":\"Is on-site support required?\"}", alpha), 201);
		ok(post("/tenders/" + id + "/clarifications/" + question.get("id").asString() + "/answer",
				"{\"answer\":{\"en\":\"Yes, in Doha\",\"ar\":\"نعم، في الدوحة\"}}", MOI_STAFF), 200);

		JsonNode alphaBid = ok(post("/tenders/" + id + "/bids", bid("1200000.00"), alpha), 201);
		JsonNode betaBid = ok(post("/tenders/" + id + "/bids", bid("1100000.50"), beta), 201);
		assertProblem(get("/tenders/" + id + "/opening", null), 409, "not-opened-yet");

		openBids(tender);
		JsonNode opening = ok(get("/tenders/" + id + "/opening", null), 200);
		assertThat(opening.get("bids").valueStream().map(b -> b.get("supplierName").asString() + "="
				+ b.get("amount").decimalValue().stripTrailingZeros().toPlainString()))
			.containsExactlyInAnyOrder("Alpha Trading=1200000", "Beta Trading=1100000.5");
		JsonNode opened = ok(get("/tenders/" + id + "/bids", MOI_STAFF), 200);
		assertThat(opened).hasSize(2);

		String alphaId = alphaBid.get("id").asString();
		String betaId = betaBid.get("id").asString();
		assertProblem(post("/tenders/" + id + "/award", awardOf(betaId), MOI_STAFF), 409, "illegal-transition");
		assertProblem(post("/tenders/" + id + "/evaluation", """
				{"results":[{"bidId":"%s","qualified":true,"score":80,"note":"Complete"}]}""".formatted(alphaId),
				MOI_STAFF), 400, "evaluation-incomplete");
		JsonNode evaluated = ok(post("/tenders/" + id + "/evaluation", """
				{"results":[{"bidId":"%s","qualified":false,"score":40,"note":"No local support"},
				 {"bidId":"%s","qualified":true,"score":90,"note":"Complete and cheapest"}]}""".formatted(alphaId, betaId),
				MOI_STAFF), 200);
		assertThat(evaluated.get("status").asString()).isEqualTo("EVALUATED");
		assertProblem(post("/tenders/" + id + "/award", awardOf(alphaId), MOI_STAFF), 409, "bid-not-qualified");

		JsonNode awarded = ok(post("/tenders/" + id + "/award", awardOf(betaId), MOI_STAFF), 200);
		assertThat(awarded.get("status").asString()).isEqualTo("AWARDED");
		JsonNode award = awarded.get("award");
		assertThat(award.get("supplierName").asString()).isEqualTo("Beta Trading");
		assertThat(award.get("value").get("amount").decimalValue()).isEqualByComparingTo("1100000.50");
		assertThat(award.get("justification").get("ar").asString()).isNotBlank();
		Instant standstillEnds = Instant.parse(award.get("standstillEndsAt").asString());
		assertThat(standstillEnds).isEqualTo(Instant.parse(award.get("awardedAt").asString()).plus(Duration.ofDays(10)));

		clock.set(standstillEnds.minusMillis(1));
		assertProblem(post("/tenders/" + id + "/contract", null, MOI_STAFF), 409, "standstill-running");
		clock.set(standstillEnds);
		JsonNode contracted = ok(post("/tenders/" + id + "/contract", null, MOI_STAFF), 200);
		assertThat(contracted.get("status").asString()).isEqualTo("CONTRACTED");
		assertThat(contracted.get("contract").get("value").get("amount").decimalValue()).isEqualByComparingTo("1100000.50");

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.PROCUREMENT_TENDERS, id, read -> read.size() >= 6);
		assertThat(events).extracting(CloudEvent::getType).containsExactly(
				"org.bawaba.procurement.tender.published.v1", "org.bawaba.procurement.clarification.answered.v1",
				"org.bawaba.procurement.bids.opened.v1", "org.bawaba.procurement.evaluation.completed.v1",
				"org.bawaba.procurement.award.published.v1", "org.bawaba.procurement.contract.signed.v1");
		JsonNode published = JSON.readTree(events.get(0).getData().toBytes());
		assertThat(published.get("ocid").asString()).isEqualTo(ocid);
		assertThat(published.get("agency").asString()).isEqualTo("moi");
		assertThat(published.get("title").get("ar").asString()).isEqualTo("حواسيب محمولة للمدارس");
		assertThat(published.get("estimatedValue").get("currency").asString()).isEqualTo("QAR");
		JsonNode bidsOpened = JSON.readTree(events.get(2).getData().toBytes());
		assertThat(bidsOpened.get("bids")).hasSize(2);
		JsonNode awardEvent = JSON.readTree(events.get(4).getData().toBytes());
		assertThat(awardEvent.get("supplierName").asString()).isEqualTo("Beta Trading");
		assertThat(awardEvent.get("category").asString()).isEqualTo("it-equipment");
		assertThat(awardEvent.get("value").get("amount").decimalValue()).isEqualByComparingTo("1100000.50");
		JsonNode contractEvent = JSON.readTree(events.get(5).getData().toBytes());
		assertThat(contractEvent.get("awardId").asString()).isEqualTo(award.get("id").asString());
		assertThat(events).allSatisfy(event -> assertThat(event.getSource()).hasToString("/bawaba/procurement"));

		JsonNode record = ok(get("/ocds/records/" + ocid, null), 200).get("records").get(0);
		assertThat(record.get("releases").valueStream().map(r -> r.get("tag").get(0).asString()))
			.containsExactly("tender", "tenderUpdate", "tenderUpdate", "tenderUpdate", "award", "contract");
		JsonNode compiled = record.get("compiledRelease");
		assertThat(compiled.get("tender").get("status").asString()).isEqualTo("complete");
		assertThat(compiled.get("tender").get("numberOfTenderers").asInt()).isEqualTo(2);
		assertThat(compiled.get("awards").get(0).get("status").asString()).isEqualTo("active");
		assertThat(compiled.get("contracts").get(0).get("awardID").asString()).isEqualTo(award.get("id").asString());
		assertThat(compiled.get("parties").valueStream().map(p -> p.get("name").asString()))
			.contains("Ministry of Interior", "Alpha Trading", "Beta Trading");
	}

	private static String awardOf(String bidId) {
		return """
				{"bidId":"%s","justification":{"en":"Best qualified offer at the lowest price",
				 "ar":"أفضل عرض مؤهل بأقل سعر"}}""".formatted(bidId);
	}

}
