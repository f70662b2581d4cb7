package org.bawaba.eservices.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.eservices.EservicesIT;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatisticsIT extends EservicesIT {

	static final String CITIZEN = TestTokens.citizen("citizen-rates");

	static final String MME_STAFF = TestTokens.staff("mme-staff", "mme");

	@Test
	void aCompletedApplicationIsRatedOnceAndCountsInTheMonthsStatisticsPublishedAsEvents() {
		String done = submitted();
		String rejected = submitted();
		for (String step : List.of("start-review", "approve", "complete")) {
			assertThat(post("/applications/" + done + "/" + step, "", MME_STAFF).statusCode()).isEqualTo(200);
		}
		assertThat(post("/applications/" + rejected + "/reject", "{\"message\":\"Outside the city\"}", MME_STAFF)
			.statusCode()).isEqualTo(200);

		assertThat(post("/applications/" + rejected + "/rating", "{\"score\":1}", CITIZEN).statusCode()).isEqualTo(409);
		assertThat(post("/applications/" + done + "/rating", "{\"score\":6}", CITIZEN).statusCode()).isEqualTo(400);
		assertThat(post("/applications/" + done + "/rating", "{\"score\":5}", TestTokens.citizen("other")).statusCode())
			.isEqualTo(404);
		HttpResponse<String> rated = post("/applications/" + done + "/rating",
				"{\"score\":5,\"comment\":\"Quick and polite\"}", CITIZEN);
		assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);
		assertThat(json(get("/applications/" + done, CITIZEN)).get("ratingInvited").asBoolean()).isFalse();
		HttpResponse<String> again = post("/applications/" + done + "/rating", "{\"score\":1}", CITIZEN);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json(again).get("type").asString()).endsWith("/already-rated");

		List<CloudEvent> events = TestKafka.events(KAFKA, Topics.ESERVICES_APPLICATIONS, done, read -> read.size() >= 5);
		CloudEvent rating = events.getLast();
		assertThat(rating.getType()).isEqualTo("org.bawaba.eservices.application.rated.v1");
		assertThat(new String(rating.getData().toBytes())).contains("\"score\":5").contains("\"hasComment\":true")
			.doesNotContain("polite");

		String month = YearMonth.now(ZoneOffset.UTC).toString();
		JsonNode statistics = json(get("/statistics/services?serviceCode=mme-pest-control&month=" + month, null)).get(0);
		assertThat(statistics.get("applications").asInt()).isEqualTo(2);
		assertThat(statistics.get("completed").asInt()).isEqualTo(1);
		assertThat(statistics.get("completionRate").asDouble()).isEqualTo(0.5);
		assertThat(statistics.get("medianProcessingHours").asLong()).isZero();
		assertThat(statistics.get("ratings").asInt()).isEqualTo(1);
		assertThat(statistics.get("satisfaction").asDouble()).isEqualTo(1.0);
		assertThat(get("/statistics/services?month=May-2026", null).statusCode()).isEqualTo(400);

		assertThat(post("/statistics/publish?month=" + month, "", MME_STAFF).statusCode()).isEqualTo(403);
		HttpResponse<String> published = post("/statistics/publish?month=" + month, "", TestTokens.platformAdmin());
		assertThat(published.statusCode()).isEqualTo(200);
		assertThat(json(published).get("published").asInt()).isPositive();
		List<CloudEvent> monthly = TestKafka.events(KAFKA, Topics.ESERVICES_STATISTICS, "mme-pest-control:" + month,
				read -> !read.isEmpty());
		assertThat(monthly).hasSize(1);
		JsonNode data = JSON.readTree(monthly.getFirst().getData().toBytes());
		assertThat(data.get("applications").asInt()).isEqualTo(2);
		assertThat(data.get("satisfiedRatings").asInt()).isEqualTo(1);
	}

	private String submitted() {
		HttpResponse<String> response = post("/applications", "{\"serviceCode\":\"mme-pest-control\",\"submit\":true,"
				+ "\"formData\":{\"pest\":\"insects\",\"zone\":25}}", CITIZEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response).get("id").asString();
	}

}
