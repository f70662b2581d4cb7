package org.bawaba.participation.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.eservices.ApplicationCompletedV1;
import org.bawaba.contracts.participation.SatisfactionPublishedV1;
import org.bawaba.participation.ParticipationIT;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;


class SatisfactionIT extends ParticipationIT {

	/** eservices' event, as it publishes it; sent twice to show the survey is offered once. */
	private static UUID completed(String citizen, String agency, String serviceCode) {
		UUID applicationId = UUID.randomUUID();
		Instant now = CLOCK.instant();
		byte[] data = JSON.writeValueAsBytes(new ApplicationCompletedV1(applicationId, serviceCode, agency, citizen,
				now.minus(Duration.ofDays(3)), now));
		CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
			.withSource(java.net.URI.create("/bawaba/eservices")).withType(ApplicationCompletedV1.TYPE)
			.withSubject(applicationId.toString()).withTime(now.atOffset(java.time.ZoneOffset.UTC))
			.withDataContentType("application/json").withData(data).build();
		ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(Topics.ESERVICES_APPLICATIONS,
				applicationId.toString()).writeBinary(event);
		TestKafka.send(KAFKA, record);
		TestKafka.send(KAFKA, record);
		return applicationId;
	}

	private String invitation(String citizen, UUID applicationId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!get("/satisfaction/invitations", citizen).body().contains(applicationId.toString())
				&& System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		for (JsonNode invitation : json(get("/satisfaction/invitations", citizen))) {
			if (invitation.get("applicationId").asString().equals(applicationId.toString())) {
				return invitation.get("id").asString();
			}
		}
		throw new AssertionError("no invitation");
	}

	private void answer(String citizen, UUID applicationId, int score) {
		var answered = post("/satisfaction/invitations/" + invitation(citizen, applicationId) + "/answer",
				"{\"score\": " + score + "}", citizen);
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
	}

	@Test
	void theShareSatisfiedWithTheirLastServiceIsComputedAndPublished() {
		// a month of its own, far from the other tests' answers
		CLOCK.advance(Duration.ofDays(400));
		String a = "sat-" + UUID.randomUUID();
		String b = "sat-" + UUID.randomUUID();
		String c = "sat-" + UUID.randomUUID();
		String tokenA = TestTokens.citizen(a);
		String tokenB = TestTokens.citizen(b);
		String tokenC = TestTokens.citizen(c);
		// A: dissatisfied with an older passport renewal, then satisfied with a newer one: counted once, satisfied
		UUID a1 = completed(a, "moph", "moph-health-card");
		answer(tokenA, a1, 2);
		CLOCK.advance(Duration.ofMinutes(1));
		UUID a2 = completed(a, "moph", "moph-health-card");
		answer(tokenA, a2, 5);
		// B: dissatisfied
		UUID b1 = completed(b, "moph", "moph-health-card");
		answer(tokenB, b1, 1);
		// C: satisfied with another service of the same agency
		answer(tokenC, completed(c, "moph", "moph-birth-certificate"), 4);

		var twice = post("/satisfaction/invitations/" + invitation(tokenB, b1) + "/answer", "{\"score\": 5}", tokenB);
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(post("/satisfaction/invitations/" + invitation(tokenA, a1) + "/answer", "{\"score\": 5}", tokenC).statusCode()).isEqualTo(404);
		assertThat(post("/satisfaction/invitations/" + invitation(tokenA, a1) + "/answer", "{\"score\": 9}", tokenA).statusCode()).isEqualTo(400);
		assertThat(count("select count(*) from satisfaction_invitation where citizen_sub = ?", a)).isEqualTo(2);

		YearMonth month = YearMonth.from(CLOCK.instant().atZone(ZoneId.of("Asia/Qatar")));
		JsonNode indicators = json(get("/satisfaction/indicator?month=" + month + "&agency=moph", null));
		JsonNode agency = find(indicators, null);
		assertThat(agency.get("responses").asInt()).isEqualTo(3);
		assertThat(agency.get("satisfied").asInt()).isEqualTo(2);
		assertThat(agency.get("share").asDouble()).isEqualTo(2.0 / 3);
		assertThat(agency.get("suppressed").asBoolean()).isFalse();
		// two people answered about the health card: their answers are not shown (threshold 3 in these tests)
		JsonNode healthCard = find(indicators, "moph-health-card");
		assertThat(healthCard.get("suppressed").asBoolean()).isTrue();
		assertThat(healthCard.get("responses").isNull()).isTrue();
		assertThat(healthCard.get("satisfied").isNull()).isTrue();
		assertThat(healthCard.get("share").isNull()).isTrue();
		assertThat(get("/satisfaction/indicator?month=2026-13", null).statusCode()).isEqualTo(400);

		assertThat(post("/satisfaction/publish?month=" + month, "", tokenA).statusCode()).isEqualTo(403);
		assertThat(post("/satisfaction/publish?month=" + month, "", TestTokens.platformAdmin()).statusCode()).isEqualTo(200);
		List<CloudEvent> events = events(Topics.PARTICIPATION_SATISFACTION, "moph:*:" + month, found -> !found.isEmpty());
		assertThat(events).hasSize(1);
		assertThat(events.getFirst().getType()).isEqualTo(SatisfactionPublishedV1.TYPE);
		JsonNode data = data(events.getFirst());
		assertThat(data.get("responses").asInt()).isEqualTo(3);
		assertThat(data.get("satisfied").asInt()).isEqualTo(2);
		assertThat(data.get("serviceCode").isNull()).isTrue();
		assertThat(data.get("month").asString()).isEqualTo(month.toString());
		// the services' indicators (one and two responses) are neither kept nor published
		assertThat(count("select count(*) from satisfaction_indicator where month = ?", month.toString())).isEqualTo(1);
	}

	private static JsonNode find(JsonNode indicators, String serviceCode) {
		for (JsonNode indicator : indicators) {
			boolean agencyWide = indicator.get("serviceCode") == null || indicator.get("serviceCode").isNull();
			if (serviceCode == null ? agencyWide : !agencyWide && indicator.get("serviceCode").asString().equals(serviceCode)) {
				return indicator;
			}
		}
		throw new AssertionError("no indicator for " + serviceCode + " in " + indicators);
	}

	@Test
	void standaloneSurveysTakeOneAnswerPerCitizenWhileOpen() {
		Instant now = CLOCK.instant();
		var created = post("/surveys", """
				{"title": {"en": "Our call centre", "ar": "مركز الاتصال"}, "question": {"en": "How was your call?", "ar": "كيف كانت مكالمتك؟"},
				 "opensAt": "%s", "closesAt": "%s"}""".formatted(now, now.plus(Duration.ofDays(7))), TestTokens.staff("moi-survey", "moi"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json(created).get("id").asString();
		assertThat(post("/surveys", "{}", TestTokens.citizen("x")).statusCode()).isEqualTo(400);
		assertThat(post("/surveys/" + id + "/responses", "{\"score\": 5}", TestTokens.citizen("s1")).statusCode()).isEqualTo(204);
		assertThat(post("/surveys/" + id + "/responses", "{\"score\": 2}", TestTokens.citizen("s1")).statusCode()).isEqualTo(409);
		assertThat(post("/surveys/" + id + "/responses", "{\"score\": 3}", TestTokens.citizen("s2")).statusCode()).isEqualTo(204);
		assertThat(post("/surveys/" + id + "/responses", "{\"score\": 0}", TestTokens.citizen("s3")).statusCode()).isEqualTo(400);
		JsonNode two = json(get("/surveys/" + id + "/results", null));
		assertThat(two.get("suppressed").asBoolean()).isTrue();
		assertThat(two.get("responses").isNull()).isTrue();
		assertThat(two.get("scores").isNull()).isTrue();
		assertThat(two.get("average").isNull()).isTrue();
		assertThat(post("/surveys/" + id + "/responses", "{\"score\": 4}", TestTokens.citizen("s5")).statusCode()).isEqualTo(204);
		JsonNode results = json(get("/surveys/" + id + "/results", null));
		assertThat(results.get("suppressed").asBoolean()).isFalse();
		assertThat(results.get("responses").asInt()).isEqualTo(3);
		assertThat(results.get("average").asDouble()).isEqualTo(4.0);
		assertThat(results.get("satisfiedShare").asDouble()).isEqualTo(2.0 / 3);
		CLOCK.advance(Duration.ofDays(8));
		assertThat(post("/surveys/" + id + "/responses", "{\"score\": 5}", TestTokens.citizen("s4")).statusCode()).isEqualTo(409);
	}

}
