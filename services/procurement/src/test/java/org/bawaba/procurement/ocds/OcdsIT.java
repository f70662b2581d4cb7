package org.bawaba.procurement.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bawaba.procurement.ProcurementIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OCDS release and record packages, validated page by page against the official OCDS 1.1.5 schemas, and
 * the changes feed a mirror follows.
 */
class OcdsIT extends ProcurementIT {

	@Test
	void everyPageOfReleasesAndRecordsIsValidAgainstTheOfficialSchemas() {
		String supplier = registeredSupplier("Ocds");
		JsonNode awarded = publishedTender(MOI_STAFF);
		String awardedId = awarded.get("id").asString();
		String bidId = ok(post("/tenders/" + awardedId + "/bids", bid("99000.10"), supplier), 201).get("id").asString();
		JsonNode cancelled = publishedTender(MME_STAFF);
		ok(post("/tenders/" + cancelled.get("id").asString() + "/cancel", "{\"reason\":\"Duplicate\"}", MME_STAFF), 200);
		openBids(awarded);
		ok(post("/tenders/" + awardedId + "/evaluation", """
				{"results":[{"bidId":"%s","qualified":true,"score":88,"note":"Compliant"}]}""".formatted(bidId),
				MOI_STAFF), 200);
		ok(post("/tenders/" + awardedId + "/award", """
				{"bidId":"%s","justification":{"en":"Only compliant bid","ar":"العطاء الوحيد المطابق"}}"""
			.formatted(bidId), MOI_STAFF), 200);

		int releases = 0;
		String next = "/ocds/releases?size=3";
		List<String> pages = new ArrayList<>();
		while (next != null) {
			String body = get(next, null).body();
			assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, body)).as(next).isEmpty();
			JsonNode releasePackage = JSON.readTree(body);
			assertThat(releasePackage.get("version").asString()).isEqualTo("1.1");
			releases += releasePackage.get("releases").size();
			pages.add(next);
			next = releasePackage.get("links").has("next")
					? releasePackage.get("links").get("next").asString().replace("http://localhost:8080/api/procurement", "")
					: null;
		}
		assertThat(pages.size()).isGreaterThan(1);
		assertThat(releases).isGreaterThanOrEqualTo(6);
		assertThat(json(get("/ocds/releases?size=3&page=1", null)).get("links").get("prev").asString()).endsWith("page=0&size=3");

		JsonNode awardRelease = json(get("/ocds/releases?ocid=" + awarded.get("ocid").asString(), null)).get("releases")
			.valueStream().filter(r -> r.get("tag").get(0).asString().equals("award")).findFirst().orElseThrow();
		assertThat(awardRelease.get("awards").get(0).get("value").get("amount").decimalValue())
			.isEqualByComparingTo("99000.10");
		assertThat(awardRelease.get("awards").get(0).get("description_ar").asString()).isEqualTo("العطاء الوحيد المطابق");
		String one = get("/ocds/releases/" + awardRelease.get("id").asString(), null).body();
		assertThat(OcdsSchemas.errors(OcdsSchemas.RELEASE_PACKAGE, one)).isEmpty();
		assertProblem(get("/ocds/releases/nope", null), 404, "release-not-found");

		String records = get("/ocds/records?size=2", null).body();
		assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, records)).isEmpty();
		assertThat(JSON.readTree(records).get("links").has("next")).isTrue();
		String record = get("/ocds/records/" + awarded.get("ocid").asString(), null).body();
		assertThat(OcdsSchemas.errors(OcdsSchemas.RECORD_PACKAGE, record)).isEmpty();
		assertThat(JSON.readTree(record).get("records").get(0).get("compiledRelease").get("tag").get(0).asString())
			.isEqualTo("compiled");
		assertProblem(get("/ocds/records/ocds-unknown-1", null), 404, "record-not-found");

		// the validation really checks: a release without its required ocid, an unknown currency, fail
		assertThat(OcdsSchemas.rejects(OcdsSchemas.RELEASE_PACKAGE, one.replace("\"ocid\"", "\"oc_id\""))).isTrue();
		assertThat(OcdsSchemas.rejects(OcdsSchemas.RELEASE_PACKAGE, one.replace("\"QAR\"", "\"QQQ\""))).isTrue();
	}

	@Test
	void aMirrorFollowsTheChangesFeedWithoutPollingEverything() {
		JsonNode first = publishedTender(MOI_STAFF);
		JsonNode second = publishedTender(MME_STAFF);
		String draft = ok(post("/tenders", tenderText(clock.instant().plus(Duration.ofHours(1)),
				clock.instant().plus(Duration.ofHours(2)), clock.instant().plus(Duration.ofHours(3))), MOI_STAFF), 201)
			.get("id").asString();

		Set<String> mirrored = new LinkedHashSet<>();
		String offset = "";
		while (true) {
			JsonNode page = json(get("/tenders?feed=changes&limit=2&offset=" + offset, null));
			page.get("data").forEach(tender -> mirrored.add(tender.get("id").asString()));
			String next = page.get("next_page").get("offset").asString();
			assertThat(page.get("next_page").get("uri").asString()).contains("offset=" + next);
			if (page.get("data").isEmpty()) {
				assertThat(next).isEqualTo(offset.isEmpty() ? "0" : offset);
				break;
			}
			offset = next;
		}
		assertThat(mirrored).contains(first.get("id").asString(), second.get("id").asString()).doesNotContain(draft);

		ok(post("/tenders/" + second.get("id").asString() + "/cancel", "{\"reason\":\"Merged\"}", MME_STAFF), 200);
		JsonNode changes = json(get("/tenders?feed=changes&offset=" + offset, null));
		assertThat(changes.get("data").valueStream().map(t -> t.get("id").asString() + ":" + t.get("status").asString()))
			.containsExactly(second.get("id").asString() + ":CANCELLED");
		assertThat(Long.parseLong(changes.get("next_page").get("offset").asString())).isGreaterThan(Long.parseLong(offset));
	}

}
