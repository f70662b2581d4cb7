package org.bawaba.opendata.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.bawaba.contracts.Contracts;
import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.eservices.ApplicationRatedV1;
import org.bawaba.contracts.eservices.ServiceStatisticsPublishedV1;
import org.bawaba.contracts.gateway.UsageRecordedV1;
import org.bawaba.opendata.OpendataIT;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Live datasets updated from events on the embedded broker, with no person involved: usage, e-service
 * statistics and ratings, poll results, complaints, satisfaction, procurement awards and contracts. No
 * personal field of any event reaches a dataset.
 */
class LiveDatasetsIT extends OpendataIT {

	static final String CITIZEN = "3f1c2a9e-citizen-sub-7781";

	static final String NATIONAL_ID = "28463400001";

	static final String TRACKING = "CMP-2026-004711";

	@Test
	void usageRecordsBecomeMonthlyUsagePerService() {
		String service = "svc-" + suffix();
		send(new UsageRecordedV1("service-" + service, service, "moi", "GET", 200, 100, UsageRecordedV1.CallerKind.SIGNED_IN));
		send(new UsageRecordedV1("service-" + service, service, "moi", "POST", 503, 300, UsageRecordedV1.CallerKind.ANONYMOUS));
		send(new UsageRecordedV1("service-" + service, service, "moi", "GET", 404, 20, UsageRecordedV1.CallerKind.AGENCY_CLIENT));

		JsonNode row = awaitRow("eservices-usage-monthly", Map.of("service", service), r -> r.get("requests").asLong() == 3);
		assertThat(row.get("month").asString()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
		assertThat(row.get("agency").asString()).isEqualTo("moi");
		assertThat(row.get("successful").asLong()).isEqualTo(1);
		assertThat(row.get("client_errors").asLong()).isEqualTo(1);
		assertThat(row.get("server_errors").asLong()).isEqualTo(1);
		assertThat(row.get("anonymous").asLong()).isEqualTo(1);
		assertThat(row.get("signed_in").asLong()).isEqualTo(1);
		assertThat(row.get("agency_clients").asLong()).isEqualTo(1);
		assertThat(row.get("mean_latency_ms").decimalValue()).isEqualByComparingTo("140.0");
	}

	@Test
	void eserviceStatisticsAndRatingsArePublishedPerServiceAndMonth() {
		String code = "moi-passport-" + suffix();
		send(new ServiceStatisticsPublishedV1(code, "moi", "2026-10", 40, 30, 36L, 20, 15));
		JsonNode statistics = awaitRow("eservices-statistics-monthly", Map.of("service_code", code),
				r -> r.get("applications").asLong() == 40);
		assertThat(statistics.get("completion_rate").decimalValue()).isEqualByComparingTo("0.750");
		assertThat(statistics.get("satisfaction_share").decimalValue()).isEqualByComparingTo("0.750");
		// published again (corrected): replaced, not added
		send(new ServiceStatisticsPublishedV1(code, "moi", "2026-10", 42, 30, null, 20, 16));
		JsonNode corrected = awaitRow("eservices-statistics-monthly", Map.of("service_code", code),
				r -> r.get("applications").asLong() == 42);
		assertThat(corrected.get("median_processing_hours").isNull()).isTrue();

		Instant ratedAt = Instant.parse("2026-09-14T10:00:00Z");
		send(new ApplicationRatedV1(UUID.randomUUID(), code, "moi", 5, true, ratedAt));
		send(new ApplicationRatedV1(UUID.randomUUID(), code, "moi", 2, false, ratedAt));
		JsonNode ratings = awaitRow("eservices-ratings-monthly", Map.of("service_code", code),
				r -> r.get("ratings").asLong() == 2);
		assertThat(ratings.get("month").asString()).isEqualTo("2026-09");
		assertThat(ratings.get("mean_score").decimalValue()).isEqualByComparingTo("3.5");
		assertThat(ratings.get("satisfied").asLong()).isEqualTo(1);
	}

	@Test
	void closedPollsPublishTheirResults() {
		String poll = UUID.randomUUID().toString();
		publish("bawaba.participation.polls", poll, "org.bawaba.participation.poll.closed.v1", Map.of(
				"pollId", poll, "agency", "mme", "question", Map.of("en", "More parks?", "ar", "مزيد من الحدائق؟"),
				"multipleChoice", false, "options", List.of(
						Map.of("optionId", "yes", "label", Map.of("en", "Yes", "ar", "نعم"), "votes", 120),
						Map.of("optionId", "no", "label", Map.of("en", "No", "ar", "لا"), "votes", 30)),
				"totalVotes", 150, "suppressed", false, "closedAt", "2026-11-01T09:00:00Z"));
		JsonNode yes = awaitRow("poll-results", Map.of("poll_id", poll, "option_id", "yes"), r -> true);
		assertThat(yes.get("votes").asLong()).isEqualTo(120);
		assertThat(yes.get("total_votes").asLong()).isEqualTo(150);
		assertThat(yes.get("option_ar").asString()).isEqualTo("نعم");
		assertThat(yes.get("question_en").asString()).isEqualTo("More parks?");
		assertThat(yes.get("month").asString()).isEqualTo("2026-11");

		String small = UUID.randomUUID().toString();
		Map<String, Object> suppressed = new LinkedHashMap<>();
		suppressed.put("pollId", small);
		suppressed.put("agency", "mme");
		suppressed.put("question", Map.of("en", "Q", "ar", "س"));
		suppressed.put("multipleChoice", true);
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("optionId", "a");
		option.put("label", Map.of("en", "A", "ar", "أ"));
		option.put("votes", null);
		suppressed.put("options", List.of(option));
		suppressed.put("totalVotes", null);
		suppressed.put("suppressed", true);
		suppressed.put("closedAt", "2026-11-02T09:00:00Z");
		publish("bawaba.participation.polls", small, "org.bawaba.participation.poll.closed.v1", suppressed);
		JsonNode hidden = awaitRow("poll-results", Map.of("poll_id", small), r -> true);
		assertThat(hidden.get("votes").isNull()).isTrue();
		assertThat(hidden.get("suppressed").asBoolean()).isTrue();
	}

	@Test
	void complaintsAreCountedPerAgencyStatusAndMonthWithoutPersonalData() {
		String agency = "ag" + suffix();
		CloudEvent filed = complaintEvent("org.bawaba.participation.complaint.filed.v1", agency, "FILED", false,
				"2026-11-03T08:00:00Z");
		publish("bawaba.participation.complaints", "c1", filed);
		publish("bawaba.participation.complaints", "c1", filed); // delivered twice: counted once
		publish("bawaba.participation.complaints", "c2", complaintEvent("org.bawaba.participation.complaint.filed.v1",
				agency, "FILED", false, "2026-11-04T08:00:00Z"));
		publish("bawaba.participation.complaints", "c1", complaintEvent(
				"org.bawaba.participation.complaint.status-changed.v1", agency, "RESOLVED", true, "2026-11-20T08:00:00Z"));
		publish("bawaba.participation.complaints", "c1", complaintEvent(
				"org.bawaba.participation.complaint.replied.v1", agency, "REPLIED", false, "2026-11-20T08:00:00Z"));

		JsonNode resolved = awaitRow("complaints-monthly", Map.of("agency", agency, "status", "RESOLVED"), r -> true);
		assertThat(resolved.get("complaints").asLong()).isEqualTo(1);
		assertThat(resolved.get("sla_breached").asLong()).isEqualTo(1);
		assertThat(resolved.get("month").asString()).isEqualTo("2026-11");
		JsonNode filedRow = awaitRow("complaints-monthly", Map.of("agency", agency, "status", "FILED"),
				r -> r.get("complaints").asLong() >= 2);
		assertThat(filedRow.get("complaints").asLong()).isEqualTo(2);
		assertThat(filedRow.get("kind").asString()).isEqualTo("COMPLAINT");

		// only counts per agency, kind, status and month: no other column
		JsonNode fields = datastore("complaints-monthly", Map.of()).get("fields");
		List<String> columns = new ArrayList<>();
		fields.forEach(field -> columns.add(field.get("id").asString()));
		assertThat(columns).containsExactly("_id", "month", "agency", "kind", "status", "complaints", "sla_breached");
		assertNoPersonalData();
	}

	@Test
	void satisfactionAwardsAndContractsArePublished() {
		String agency = "ag" + suffix();
		Map<String, Object> satisfaction = new LinkedHashMap<>();
		satisfaction.put("month", "2026-10");
		satisfaction.put("agency", agency);
		satisfaction.put("serviceCode", null);
		satisfaction.put("responses", 80);
		satisfaction.put("satisfied", 60);
		satisfaction.put("share", 0.75);
		publish("bawaba.participation.satisfaction", agency + ":*:2026-10",
				"org.bawaba.participation.satisfaction.published.v1", satisfaction);
		JsonNode row = awaitRow("satisfaction-monthly", Map.of("agency", agency), r -> true);
		assertThat(row.get("service_code").asString()).isEqualTo("*");
		assertThat(row.get("share").decimalValue()).isEqualByComparingTo("0.75");

		String tender = UUID.randomUUID().toString();
		String award = UUID.randomUUID().toString();
		publish("bawaba.procurement.tenders", tender, "org.bawaba.procurement.award.published.v1", Map.of(
				"tenderId", tender, "ocid", "ocds-bwb-" + tender, "awardId", award, "agency", agency, "category", "works",
				"supplierId", "sup-1", "supplierName", "Gulf Roads W.L.L.", "value",
				Map.of("amount", 1250000.50, "currency", "QAR"), "awardedAt", "2026-10-05T12:00:00Z"));
		JsonNode awardRow = awaitRow("procurement-awards", Map.of("award_id", award), r -> true);
		assertThat(awardRow.get("supplier_name").asString()).isEqualTo("Gulf Roads W.L.L.");
		assertThat(awardRow.get("amount").decimalValue()).isEqualByComparingTo("1250000.50");
		assertThat(awardRow.get("currency").asString()).isEqualTo("QAR");

		String contract = UUID.randomUUID().toString();
		publish("bawaba.procurement.tenders", tender, "org.bawaba.procurement.contract.signed.v1", Map.of(
				"tenderId", tender, "ocid", "ocds-bwb-" + tender, "contractId", contract, "awardId", award,
				"agency", agency, "supplierId", "sup-1", "value", Map.of("amount", 1250000, "currency", "QAR"),
				"signedAt", "2026-10-20T12:00:00Z"));
		JsonNode contractRow = awaitRow("procurement-contracts", Map.of("contract_id", contract), r -> true);
		assertThat(contractRow.get("month").asString()).isEqualTo("2026-10");
	}

	@Test
	void liveDatasetsArePlatformDatasetsThatTakeNoUploads() {
		JsonNode dataset = action("package_show", "id=complaints-monthly", 200).get("result");
		assertThat(dataset.get("organization").get("name").asString()).isEqualTo("bawaba");
		assertThat(dataset.get("live").asBoolean()).isTrue();
		assertThat(dataset.get("title_translated").get("ar").asString()).isNotBlank();
		String resource = dataset.get("resources").get(0).get("id").asString();
		assertThat(upload(resource, "a\n1\n", "a.csv", TestTokens.platformAdmin()).statusCode()).isEqualTo(409);
		assertThat(upload(resource, "a\n1\n", "a.csv", MOI_STAFF).statusCode()).isEqualTo(403);
		JsonNode search = action("package_search", "fq=" + encode("organization:bawaba") + "&rows=50", 200).get("result");
		assertThat(search.get("count").asInt()).isEqualTo(8);
	}

	private void assertNoPersonalData() {
		List<String> tables = new ArrayList<>();
		for (String name : List.of("eservices-usage-monthly", "eservices-statistics-monthly",
				"eservices-ratings-monthly", "poll-results", "complaints-monthly", "satisfaction-monthly",
				"procurement-awards", "procurement-contracts")) {
			tables.add("live_" + name.replace('-', '_'));
		}
		for (String table : tables) {
			for (String secret : List.of(CITIZEN, NATIONAL_ID, TRACKING, "complaint-id-", "citizen")) {
				assertThat(TestDatabase.count(DATABASE,
						"select count(*) from datastore." + table + " t where t::text ilike ?", "%" + secret + "%"))
					.as(secret + " in " + table)
					.isZero();
			}
			assertThat(TestDatabase.count(DATABASE, """
					select count(*) from information_schema.columns where table_schema = 'datastore' and table_name = ?
					and (column_name ilike '%citizen%' or column_name ilike '%sub%' or column_name ilike '%national%'
					  or column_name ilike '%tracking%' or column_name ilike '%complaint_id%')""", table))
				.as("personal columns in " + table)
				.isZero();
		}
	}

	private static CloudEvent complaintEvent(String type, String agency, String status, boolean slaBreached,
			String at) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("complaintId", "complaint-id-" + UUID.randomUUID());
		data.put("trackingNumber", TRACKING);
		data.put("kind", "COMPLAINT");
		data.put("agency", agency);
		data.put("serviceCode", "moi-passport-renewal");
		data.put("citizen", CITIZEN);
		data.put("sub", CITIZEN);
		data.put("nationalId", NATIONAL_ID);
		data.put("status", status);
		data.put(type.endsWith("filed.v1") ? "filedAt" : type.endsWith("replied.v1") ? "repliedAt" : "changedAt", at);
		data.put("dueAt", at);
		data.put("slaBreached", slaBreached);
		return CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(URI.create("/bawaba/participation"))
			.withType(type)
			.withSubject("c")
			.withTime(OffsetDateTime.now(ZoneOffset.UTC))
			.withData("application/json", JSON.writeValueAsBytes(data))
			.build();
	}

	private static void send(DomainEvent event) {
		publish(Contracts.typeOf(event.getClass()).topic(), event.entityId(), Contracts.typeOf(event.getClass()).value(),
				JSON.convertValue(event, Map.class));
	}

	/** The dataset's row matching {@code filters}, once {@code ready} holds for it (30 s at most). */
	private JsonNode awaitRow(String dataset, Map<String, Object> filters, Predicate<JsonNode> ready) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		JsonNode last = null;
		while (System.nanoTime() < deadline) {
			JsonNode records = datastore(dataset, filters).get("records");
			if (records.size() == 1) {
				last = records.get(0);
				if (ready.test(last)) {
					return last;
				}
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("no ready row in " + dataset + " for " + filters + "; last: " + last);
	}

	private JsonNode datastore(String dataset, Map<String, Object> filters) {
		String resource = action("package_show", "id=" + dataset, 200).get("result").get("resources").get(0).get("id")
			.asString();
		return action("datastore_search", "resource_id=" + resource + "&filters=" + encode(JSON.writeValueAsString(filters)),
				200).get("result");
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
