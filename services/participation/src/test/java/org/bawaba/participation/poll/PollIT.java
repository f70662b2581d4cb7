package org.bawaba.participation.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.participation.PollClosedV1;
import org.bawaba.contracts.participation.PollOpenedV1;
import org.bawaba.participation.ParticipationIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;

class PollIT extends ParticipationIT {

	@Autowired
	PollScheduler scheduler;

	private static final String MOI_STAFF = TestTokens.staff("moi-staff-1", "moi");

	private static final String MME_STAFF = TestTokens.staff("mme-staff-1", "mme");

	private JsonNode createPoll(String audience, String visibility, int threshold, Instant opensAt, Instant closesAt,
			boolean multiple) {
		var created = post("/polls", """
				{"question": {"en": "Should the Corniche be car-free on Fridays?", "ar": "هل يُمنع مرور السيارات على الكورنيش يوم الجمعة؟"},
				 "options": [{"en": "Yes", "ar": "نعم"}, {"en": "No", "ar": "لا"}, {"en": "Only in winter", "ar": "في الشتاء فقط"}],
				 "multipleChoice": %s, "opensAt": "%s", "closesAt": "%s", "audience": "%s",
				 "resultsVisibility": "%s", "suppressionThreshold": %d}"""
			.formatted(multiple, opensAt, closesAt, audience, visibility, threshold), MOI_STAFF);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created);
	}

	private JsonNode openPoll(String visibility, int threshold) {
		Instant now = CLOCK.instant();
		return createPoll("ALL", visibility, threshold, now, now.plus(Duration.ofHours(1)), false);
	}

	private static String option(JsonNode poll, int index) {
		return poll.get("options").get(index).get("id").asString();
	}

	private HttpResponse<String> vote(JsonNode poll, String bearer, String... optionIds) {
		return post("/polls/" + poll.get("id").asString() + "/votes",
				"{\"optionIds\": [" + String.join(",", List.of(optionIds).stream().map(id -> "\"" + id + "\"").toList()) + "]}",
				bearer);
	}

	private HttpRequest voteRequest(JsonNode poll, String bearer, String optionId) {
		return HttpRequest.newBuilder(uri("/polls/" + poll.get("id").asString() + "/votes"))
			.header("Content-Type", "application/json")
			.header("Authorization", bearer)
			.POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\": [\"" + optionId + "\"]}"))
			.build();
	}

	private List<HttpResponse<String>> burst(List<HttpRequest> requests) {
		List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
		var client = java.net.http.HttpClient.newBuilder().build();
		for (HttpRequest request : requests) {
			futures.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
		}
		return futures.stream().map(CompletableFuture::join).toList();
	}

	@Test
	void staffCreateAPollWhichIsAnnouncedWhenItOpens() {
		Instant opensAt = CLOCK.instant().plus(Duration.ofMinutes(10));
		JsonNode poll = createPoll("ALL", "LIVE", 3, opensAt, opensAt.plus(Duration.ofHours(1)), true);
		String id = poll.get("id").asString();
		assertThat(poll.get("state").asString()).isEqualTo("UPCOMING");
		assertThat(poll.get("question").get("ar").asString()).isNotBlank();
		assertThat(poll.get("maxChoices").asInt()).isEqualTo(3);
		assertThat(get("/polls?state=UPCOMING&agency=moi", null).body()).contains(id);

		assertThat(scheduler.announceOpened()).isZero();
		CLOCK.advanceTo(opensAt);
		scheduler.announceOpened();
		assertThat(scheduler.announceOpened()).isZero();
		assertThat(json(get("/polls/" + id, null)).get("state").asString()).isEqualTo("OPEN");

		List<CloudEvent> events = events(Topics.PARTICIPATION_POLLS, id, found -> !found.isEmpty());
		assertThat(events).hasSize(1);
		assertThat(events.getFirst().getType()).isEqualTo(PollOpenedV1.TYPE);
		JsonNode data = data(events.getFirst());
		assertThat(data.get("agency").asString()).isEqualTo("moi");
		assertThat(data.get("question").get("en").asString()).startsWith("Should");
		assertThat(data.get("audience").asString()).isEqualTo("ALL");
		assertThat(data.get("options")).hasSize(3);
	}

	@Test
	void onlyStaffCreatePollsAndBadInputIsAProblem() {
		String body = """
				{"question": {"en": "Q", "ar": "س"}, "options": [{"en": "A", "ar": "أ"}, {"en": "B", "ar": "ب"}],
				 "multipleChoice": false, "opensAt": "%s", "closesAt": "%s", "audience": "ALL", "resultsVisibility": "LIVE"}"""
			.formatted(CLOCK.instant(), CLOCK.instant().plusSeconds(60));
		assertThat(post("/polls", body, TestTokens.citizen("c-creator")).statusCode()).isEqualTo(403);
		assertThat(post("/polls", body, null).statusCode()).isEqualTo(401);
		long before = count("select count(*) from poll");

		var backwards = post("/polls", body.replace("\"opensAt\": \"", "\"opensAt\": \"2999"), MOI_STAFF);
		assertThat(backwards.statusCode()).isEqualTo(400);
		var reversed = post("/polls", """
				{"question": {"en": "Q", "ar": "س"}, "options": [{"en": "A", "ar": "أ"}, {"en": "B", "ar": "ب"}],
				 "multipleChoice": false, "opensAt": "%s", "closesAt": "%s", "audience": "ALL", "resultsVisibility": "LIVE"}"""
			.formatted(CLOCK.instant().plusSeconds(60), CLOCK.instant()), MOI_STAFF);
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(isProblem(reversed)).isTrue();
		assertThat(json(reversed).get("errors").get(0).get("field").asString()).isEqualTo("closesAt");
		assertThat(json(reversed).get("errors").get(0).get("messages").get("ar").asString()).isNotBlank();

		var oneOption = post("/polls", body.replace(", {\"en\": \"B\", \"ar\": \"ب\"}", ""), MOI_STAFF);
		assertThat(oneOption.statusCode()).isEqualTo(400);
		var noArabic = post("/polls", body.replace("\"ar\": \"س\"", "\"ar\": \"\""), MOI_STAFF);
		assertThat(noArabic.statusCode()).isEqualTo(400);
		var badAudience = post("/polls", body.replace("\"audience\": \"ALL\"", "\"audience\": \"EVERYONE\""), MOI_STAFF);
		assertThat(badAudience.statusCode()).isEqualTo(400);
		assertThat(json(badAudience).get("detail").asString()).contains("NATIONALS");
		var lowThreshold = post("/polls", body.replace("\"resultsVisibility\": \"LIVE\"",
				"\"resultsVisibility\": \"LIVE\", \"suppressionThreshold\": 1"), MOI_STAFF);
		assertThat(lowThreshold.statusCode()).isEqualTo(400);
		var malformed = post("/polls", "{\"question\": ", MOI_STAFF);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(isProblem(malformed)).isTrue();
		var arabic = send(HttpRequest.newBuilder(uri("/polls")).header("Content-Type", "application/json")
			.header("Authorization", MOI_STAFF).header("Accept-Language", "ar")
			.POST(HttpRequest.BodyPublishers.ofString(body.replace("\"opensAt\": \"", "\"opensAt\": \"x"))).build());
		assertThat(arabic.statusCode()).isEqualTo(400);
		assertThat(json(arabic).get("title").asString()).matches(".*\\p{InArabic}.*");
		assertThat(get("/polls/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
		assertThat(get("/polls/not-a-uuid", null).statusCode()).isEqualTo(400);
		assertThat(count("select count(*) from poll")).isEqualTo(before);
	}

	@Test
	void aBurstOfAThousandVotesFromOneCitizenCountsOnceWithOneReceiptShownOnce() {
		JsonNode poll = openPoll("LIVE", 0 + 3);
		String id = poll.get("id").asString();
		String citizen = TestTokens.citizen("burst-citizen");
		List<HttpRequest> requests = IntStream.range(0, 1000)
			.mapToObj(i -> voteRequest(poll, citizen, option(poll, i % 3)))
			.toList();
		List<HttpResponse<String>> responses = burst(requests);

		assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isIn(200, 201));
		assertThat(responses.stream().filter(response -> response.statusCode() == 201)).hasSize(1);
		Set<String> receipts = new HashSet<>();
		responses.stream().filter(response -> response.statusCode() == 201)
			.forEach(response -> receipts.add(json(response).get("receipt").asString()));
		assertThat(receipts).hasSize(1);
		// a repeat counts nothing and shows no receipt: none is kept to show again
		assertThat(responses.stream().filter(response -> response.statusCode() == 200))
			.allSatisfy(response -> assertThat(json(response).get("receipt").isNull()).isTrue());
		assertThat(count("select count(*) from poll_participation where poll_id = ?::uuid", id)).isEqualTo(1);
		assertThat(count("select count(*) from poll_ballot where poll_id = ?::uuid", id)).isEqualTo(1);

		String receipt = receipts.iterator().next();
		assertThat(receipt).matches("[0-9A-F]{4}(-[0-9A-F]{4}){4}");
		// the ballot keeps only the receipt's digest
		assertThat(count("select count(*) from poll_ballot where receipt = ?", receipt)).isZero();
		var check = get("/polls/" + id + "/receipts/" + receipt, null);
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(json(check).get("counted").asBoolean()).isTrue();
		assertThat(check.body()).doesNotContain(option(poll, 0)).doesNotContain(option(poll, 1));
		assertThat(get("/polls/" + id + "/receipts/0000-0000-0000-0000-0000", null).statusCode()).isEqualTo(404);
		assertThat(json(get("/polls/" + id, citizen)).get("voted").asBoolean()).isTrue();
	}

	@Test
	void aThousandCitizensVotingAtOnceCountAThousand() {
		JsonNode poll = openPoll("LIVE", 3);
		String id = poll.get("id").asString();
		List<HttpRequest> requests = IntStream.range(0, 1000)
			.mapToObj(i -> voteRequest(poll, TestTokens.citizen("crowd-" + i), option(poll, i % 4 == 0 ? 1 : 0)))
			.toList();
		List<HttpResponse<String>> responses = burst(requests);

		assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(201));
		assertThat(responses.stream().map(response -> json(response).get("receipt").asString()).distinct()).hasSize(1000);
		JsonNode results = json(get("/polls/" + id + "/results", null));
		assertThat(results.get("totalVotes").asInt()).isEqualTo(1000);
		assertThat(results.get("options").get(0).get("votes").asInt()).isEqualTo(750);
		assertThat(results.get("options").get(1).get("votes").asInt()).isEqualTo(250);
		assertThat(results.get("options").get(1).get("percent").asDouble()).isEqualTo(25.0);
		assertThat(results.get("options").get(2).get("votes").asInt()).isZero();
		assertThat(results.get("closed").asBoolean()).isFalse();
	}

	@Test
	void noTableLogLineOrEventLinksAVoterToAChoice() {
		// the schema: who voted has no choice and no time; what was chosen has no voter and no time
		assertThat(columns("poll_participation")).containsExactlyInAnyOrder("poll_id", "voter_sub");
		assertThat(columns("poll_ballot")).containsExactlyInAnyOrder("receipt", "poll_id", "option_ids", "mixed");
		assertThat(count("""
				select count(*) from information_schema.columns where table_name in ('poll_participation', 'poll_ballot')
				and (data_type like 'timestamp%' or data_type in ('date', 'time', 'bigint', 'integer', 'serial'))""")).isZero();
		assertThat(count("select count(*) from information_schema.triggers")).isZero();
		assertThat(count("""
				select count(*) from information_schema.columns
				where column_name in ('option_ids', 'choice', 'choices') and table_name <> 'poll_ballot'""")).isZero();

		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		captured.setContext(logging);
		captured.start();
		Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Logger bawaba = logging.getLogger("org.bawaba");
		Logger jdbc = logging.getLogger("org.springframework.jdbc");
		Level bawabaLevel = bawaba.getLevel();
		Level jdbcLevel = jdbc.getLevel();
		root.addAppender(captured);
		bawaba.setLevel(Level.DEBUG);
		jdbc.setLevel(Level.DEBUG);
		JsonNode poll = openPoll("AFTER_CLOSE", 3);
		String id = poll.get("id").asString();
		List<String> voters = IntStream.range(0, 6).mapToObj(i -> "secret-voter-" + i + "-" + UUID.randomUUID()).toList();
		try {
			for (int i = 0; i < voters.size(); i++) {
				assertThat(vote(poll, TestTokens.citizen(voters.get(i)), option(poll, i % 3)).statusCode()).isEqualTo(201);
			}
			// before mixing, a reader of the live database could join the rows on their inserting transaction
			assertThat(count("""
					select count(*) from poll_participation p join poll_ballot b on b.xmin = p.xmin
					where p.poll_id = ?::uuid""", id)).isEqualTo(voters.size());
			scheduler.mix();
			assertThat(vote(poll, TestTokens.citizen(voters.get(0)), option(poll, 2)).statusCode()).isEqualTo(200);
			assertThat(post("/polls/" + id + "/close", "", MOI_STAFF).statusCode()).isEqualTo(200);
		}
		finally {
			root.detachAppender(captured);
			bawaba.setLevel(bawabaLevel);
			jdbc.setLevel(jdbcLevel);
		}
		// after mixing nothing joins: not the transaction ids, not the receipts (random, and kept as digests)
		assertThat(count("""
				select count(*) from poll_participation p join poll_ballot b on b.xmin = p.xmin
				where p.poll_id = ?::uuid""", id)).isZero();
		assertThat(count("select count(*) from poll_ballot where poll_id = ?::uuid and not mixed", id)).isZero();
		assertThat(count("""
				select count(*) from poll_ballot b join poll_participation p on p.poll_id = b.poll_id
				and (b.receipt like '%' || p.voter_sub || '%' or md5(p.voter_sub) = b.receipt)""")).isZero();

		assertThat(captured.list).isNotEmpty();
		List<String> options = poll.get("options").valueStream().map(option -> option.get("id").asString()).toList();
		for (ILoggingEvent event : captured.list) {
			String line = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
					+ (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage());
			for (String voter : voters) {
				assertThat(line).as("a log line names a voter").doesNotContain(voter);
			}
			for (String option : options) {
				assertThat(line).as("a log line names a choice").doesNotContain(option);
			}
		}

		List<CloudEvent> events = events(Topics.PARTICIPATION_POLLS, id,
				found -> found.stream().anyMatch(event -> event.getType().equals(PollClosedV1.TYPE)));
		assertThat(events).extracting(CloudEvent::getType).containsExactly(PollOpenedV1.TYPE, PollClosedV1.TYPE);
		for (CloudEvent event : events) {
			String everything = new String(event.getData().toBytes(), StandardCharsets.UTF_8) + event.getSubject()
					+ event.getExtensionNames().stream().map(name -> String.valueOf(event.getExtension(name))).toList();
			voters.forEach(voter -> assertThat(everything).doesNotContain(voter));
		}
		JsonNode closed = data(events.getLast());
		assertThat(closed.get("totalVotes").asInt()).isEqualTo(6);
		assertThat(closed.get("options").valueStream().map(option -> option.get("votes").asInt())).containsExactly(2, 2, 2);
	}

	private static List<String> columns(String table) {
		List<String> names = new ArrayList<>();
		try (var connection = java.sql.DriverManager.getConnection(DATABASE, "postgres", "");
				var statement = connection.prepareStatement(
						"select column_name from information_schema.columns where table_name = ?")) {
			statement.setString(1, table);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return names;
	}

	@Test
	void votingOutsideTheWindowIs409() {
		Instant now = CLOCK.instant();
		JsonNode upcoming = createPoll("ALL", "LIVE", 3, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), false);
		String citizen = TestTokens.citizen("early-bird");
		var early = vote(upcoming, citizen, option(upcoming, 0));
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat(isProblem(early)).isTrue();
		assertThat(json(early).get("type").asString()).endsWith("/poll-not-open");

		JsonNode running = openPoll("LIVE", 3);
		assertThat(vote(running, citizen, option(running, 0)).statusCode()).isEqualTo(201);
		CLOCK.advance(Duration.ofHours(1));
		// the closing time has passed but the scheduler has not run yet: no vote either, not even a repeat
		assertThat(vote(running, TestTokens.citizen("late-comer"), option(running, 0)).statusCode()).isEqualTo(409);
		assertThat(vote(running, citizen, option(running, 0)).statusCode()).isEqualTo(409);
		scheduler.closeDue();
		assertThat(vote(running, TestTokens.citizen("late-comer"), option(running, 0)).statusCode()).isEqualTo(409);
		assertThat(count("select count(*) from poll_ballot where poll_id = ?::uuid", running.get("id").asString())).isEqualTo(1);
	}

	@Test
	void resultsHiddenUntilCloseAndTheClosingEventGoesOutOnce() {
		Instant now = CLOCK.instant();
		JsonNode poll = createPoll("ALL", "AFTER_CLOSE", 3, now, now.plus(Duration.ofMinutes(30)), true);
		String id = poll.get("id").asString();
		assertThat(vote(poll, TestTokens.citizen("multi-1"), option(poll, 0), option(poll, 2)).statusCode()).isEqualTo(201);
		assertThat(vote(poll, TestTokens.citizen("multi-2"), option(poll, 0)).statusCode()).isEqualTo(201);
		assertThat(vote(poll, TestTokens.citizen("multi-3"), option(poll, 1), option(poll, 2)).statusCode()).isEqualTo(201);
		assertThat(vote(poll, TestTokens.citizen("multi-4"), option(poll, 0), option(poll, 0)).statusCode()).isEqualTo(400);
		assertThat(vote(poll, TestTokens.citizen("multi-4"), UUID.randomUUID().toString()).statusCode()).isEqualTo(400);
		assertThat(post("/polls/" + id + "/votes", "{\"optionIds\": []}", TestTokens.citizen("multi-4")).statusCode()).isEqualTo(400);
		assertThat(post("/polls/" + id + "/votes", "{\"optionIds\": \"yes\"}", TestTokens.citizen("multi-4")).statusCode()).isEqualTo(400);
		assertThat(vote(poll, MOI_STAFF, option(poll, 0)).statusCode()).isEqualTo(403);

		var hidden = get("/polls/" + id + "/results", null);
		assertThat(hidden.statusCode()).isEqualTo(409);
		assertThat(json(hidden).get("type").asString()).endsWith("/poll-results-hidden");

		assertThat(post("/polls/" + id + "/close", "", MME_STAFF).statusCode()).isEqualTo(403);
		assertThat(post("/polls/" + id + "/close", "", TestTokens.citizen("multi-1")).statusCode()).isEqualTo(403);
		CLOCK.advance(Duration.ofMinutes(30));
		assertThat(scheduler.closeDue()).isGreaterThanOrEqualTo(1);
		assertThat(scheduler.closeDue()).isZero();
		assertThat(post("/polls/" + id + "/close", "", MOI_STAFF).statusCode()).isEqualTo(409);

		JsonNode results = json(get("/polls/" + id + "/results", null));
		assertThat(results.get("closed").asBoolean()).isTrue();
		assertThat(results.get("suppressed").asBoolean()).isFalse();
		assertThat(results.get("totalVotes").asInt()).isEqualTo(3);
		assertThat(results.get("options").valueStream().map(option -> option.get("votes").asInt())).containsExactly(2, 1, 2);
		assertThat(get("/polls?state=CLOSED&agency=moi", null).body()).contains(id);

		List<CloudEvent> events = events(Topics.PARTICIPATION_POLLS, id, found -> found.size() >= 2);
		assertThat(events).extracting(CloudEvent::getType).containsExactly(PollOpenedV1.TYPE, PollClosedV1.TYPE);
		JsonNode closed = data(events.getLast());
		assertThat(closed.get("multipleChoice").asBoolean()).isTrue();
		assertThat(closed.get("suppressed").asBoolean()).isFalse();
		assertThat(closed.get("closedAt").asString()).isEqualTo(poll.get("closesAt").asString());
		assertThat(closed.get("options").get(0).get("label").get("ar").asString()).isEqualTo("نعم");
	}

	@Test
	void aTinyAudiencesResultsAreSuppressed() {
		JsonNode poll = openPoll("LIVE", 5);
		String id = poll.get("id").asString();
		assertThat(vote(poll, TestTokens.citizen("tiny-1"), option(poll, 0)).statusCode()).isEqualTo(201);
		assertThat(vote(poll, TestTokens.citizen("tiny-2"), option(poll, 0)).statusCode()).isEqualTo(201);
		JsonNode live = json(get("/polls/" + id + "/results", null));
		assertThat(live.get("suppressed").asBoolean()).isTrue();
		assertThat(live.get("totalVotes").isNull()).isTrue();
		assertThat(post("/polls/" + id + "/close", "", MOI_STAFF).statusCode()).isEqualTo(200);
		List<CloudEvent> events = events(Topics.PARTICIPATION_POLLS, id, found -> found.size() >= 2);
		JsonNode closed = data(events.getLast());
		assertThat(closed.get("suppressed").asBoolean()).isTrue();
		assertThat(closed.get("totalVotes").isNull()).isTrue();
		assertThat(closed.get("options").valueStream().map(option -> option.get("votes").isNull())).containsOnly(true);
	}

	@Test
	void theAudienceIsCheckedFromTheNationalId() {
		Instant now = CLOCK.instant();
		JsonNode nationals = createPoll("NATIONALS", "LIVE", 3, now, now.plus(Duration.ofHours(1)), false);
		JsonNode residents = createPoll("RESIDENTS", "LIVE", 3, now, now.plus(Duration.ofHours(1)), false);
		String national = TestTokens.citizen("national-1", "28463400001");
		String resident = TestTokens.citizen("resident-1", "28835600001");
		var refused = vote(nationals, resident, option(nationals, 0));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json(refused).get("type").asString()).endsWith("/poll-audience");
		assertThat(vote(residents, national, option(residents, 0)).statusCode()).isEqualTo(403);
		assertThat(vote(nationals, national, option(nationals, 0)).statusCode()).isEqualTo(201);
		assertThat(vote(residents, resident, option(residents, 0)).statusCode()).isEqualTo(201);
		assertThat(vote(nationals, TestTokens.supplier("supplier-1"), option(nationals, 0)).statusCode()).isEqualTo(403);
		assertThat(vote(nationals, TestTokens.expired("national-1"), option(nationals, 0)).statusCode()).isEqualTo(401);
		assertThat(vote(nationals, TestTokens.forged("national-1"), option(nationals, 0)).statusCode()).isEqualTo(401);
	}

}
