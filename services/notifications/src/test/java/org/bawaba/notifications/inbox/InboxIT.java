package org.bawaba.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bawaba.notifications.NotificationsIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

class InboxIT extends NotificationsIT {

	private static final String SUBMITTED = "org.bawaba.eservices.application.submitted.v1";

	private static final String END = "(end of stream)";

	@Autowired
	private LiveStream liveStream;

	@Test
	void listUnreadCountMarkReadAndDelete() {
		String citizen = unique("reader");
		String token = TestTokens.citizen(citizen);
		// other tests' open polls would count as unread broadcasts
		preferences(token, "{\"categories\": {\"polls\": []}}");
		for (int i = 0; i < 3; i++) {
			submitted(citizen);
		}
		List<JsonNode> notices = inboxUntil(token, items -> items.size() >= 3);
		assertThat(notices).hasSize(3);
		assertThat(json(get("/me/notices/unread-count", token)).get("unread").asLong()).isEqualTo(3);

		String first = notices.get(0).get("id").asString();
		assertThat(post("/me/notices/" + first + "/read", null, token).statusCode()).isEqualTo(204);
		assertThat(json(get("/me/notices/" + first, token)).get("read").asBoolean()).isTrue();
		assertThat(json(get("/me/notices/unread-count", token)).get("unread").asLong()).isEqualTo(2);
		assertThat(json(get("/me/notices?unread=true", token)).get("items")).hasSize(2);

		String second = notices.get(1).get("id").asString();
		assertThat(delete("/me/notices/" + second, token).statusCode()).isEqualTo(204);
		assertThat(get("/me/notices/" + second, token).statusCode()).isEqualTo(404);
		assertThat(inbox(token)).hasSize(2);
		assertThat(json(get("/me/notices/unread-count", token)).get("unread").asLong()).isEqualTo(1);

		assertThat(json(post("/me/notices/read-all", null, token)).get("marked").asInt()).isEqualTo(1);
		assertThat(json(get("/me/notices/unread-count", token)).get("unread").asLong()).isZero();
		JsonNode page = json(get("/me/notices?size=1&page=1", token));
		assertThat(page.get("items")).hasSize(1);
		assertThat(page.get("size").asInt()).isEqualTo(1);
	}

	@Test
	void oneCitizenCanNeverReadAnothersInbox() {
		String owner = unique("owner");
		String ownerToken = TestTokens.citizen(owner);
		String other = TestTokens.citizen(unique("other"));
		submitted(owner);
		String id = inboxUntil(ownerToken, items -> !items.isEmpty()).get(0).get("id").asString();

		assertThat(inbox(other)).noneMatch(n -> n.get("id").asString().equals(id));
		for (HttpResponse<String> response : List.of(get("/me/notices/" + id, other),
				post("/me/notices/" + id + "/read", null, other), delete("/me/notices/" + id, other),
				get("/me/notices/" + UUID.randomUUID(), ownerToken))) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(isProblem(response)).isTrue();
			assertThat(response.body()).doesNotContain(owner).doesNotContain("moi-passport-renewal");
		}
		JsonNode notice = json(get("/me/notices/" + id, ownerToken));
		assertThat(notice.get("read").asBoolean()).isFalse();

		assertThat(get("/me/notices", null).statusCode()).isEqualTo(401);
		assertThat(get("/me/notices", TestTokens.expired(owner)).statusCode()).isEqualTo(401);
		HttpResponse<String> forged = get("/me/notices", TestTokens.forged(owner));
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(isProblem(forged)).isTrue();
		assertThat(get("/me/stream", TestTokens.forged(owner)).statusCode()).isEqualTo(401);

		assertThat(get("/me/notices/not-a-uuid", ownerToken).statusCode()).isEqualTo(400);
		assertThat(get("/me/notices?size=1000", ownerToken).statusCode()).isEqualTo(400);
		assertThat(get("/me/notices?page=-1", ownerToken).statusCode()).isEqualTo(400);
		assertThat(json(get("/me/notices/" + id, ownerToken)).get("read").asBoolean()).isFalse();
	}

	@Test
	void theLiveStreamReceivesANoticeWithinASecondOfItsEvent() throws Exception {
		String citizen = unique("live");
		String token = TestTokens.arabicCitizen(citizen);
		preferences(token, "{\"categories\": {\"polls\": []}}");
		submitted(citizen);
		inboxUntil(token, items -> !items.isEmpty());

		BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
		HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/me/stream"))
			.header("Authorization", token).header("Accept", "text/event-stream").GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		Thread reader = Thread.ofVirtual().start(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					lines.offer(line);
				}
			}
			catch (Exception ex) {
				// closed by the test
			}
		});
		try {
			assertThat(next(lines, "data:", Duration.ofSeconds(5))).contains("\"unread\":1");

			String application = UUID.randomUUID().toString();
			long sent = System.nanoTime();
			publish(APPLICATIONS, SUBMITTED, application, data(application, citizen));
			String pushed = next(lines, "data:", Duration.ofSeconds(5));
			long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
			assertThat(pushed).contains(application).contains("تم استلام طلبك");
			assertThat(millis).as("event published to notice on the stream, ms").isLessThan(1000);
		}
		finally {
			stream.body().close();
			reader.interrupt();
		}
	}

	@Test
	void noticesAreShownInTheLanguageBeingRead() {
		String citizen = unique("bilingual");
		String token = TestTokens.arabicCitizen(citizen);
		preferences(token, "{\"categories\": {\"polls\": []}}");
		submitted(citizen);
		String id = inboxUntil(token, items -> !items.isEmpty()).get(0).get("id").asString();

		// the person's language (Arabic, from the token) when the request names none it can use
		assertThat(firstSubject("/me/notices", token, null)).startsWith("تم استلام طلبك");
		assertThat(firstSubject("/me/notices", token, "fr-FR, de;q=0.8")).startsWith("تم استلام طلبك");
		assertThat(firstSubject("/me/notices", token, "en;q=0.8;;garbage")).startsWith("تم استلام طلبك");
		// the page's language otherwise
		assertThat(firstSubject("/me/notices", token, "fr-FR, en-GB;q=0.9, ar;q=0.5")).startsWith("Application received");
		assertThat(firstSubject("/me/notices/" + id, token, "en")).startsWith("Application received");
		assertThat(firstSubject("/me/notices?lang=en", token, "ar")).startsWith("Application received");
		assertThat(firstSubject("/me/notices?lang=xx", token, null)).startsWith("تم استلام طلبك");
	}

	private String firstSubject(String path, String token, String acceptLanguage) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", token).GET();
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		HttpResponse<String> response = send(request.build());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		JsonNode notice = body.has("items") ? body.get("items").get(0) : body;
		assertThat(notice.get("lang").asString()).isEqualTo(notice.get("subject").asString().startsWith("Application") ? "en" : "ar");
		return notice.get("subject").asString();
	}

	@Test
	void stoppingTheServiceEndsOpenStreamsInsteadOfWaitingForThem() throws Exception {
		String citizen = unique("leaving");
		String token = TestTokens.citizen(citizen);
		HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/me/stream"))
			.header("Authorization", token).header("Accept", "text/event-stream").GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
		Thread reader = Thread.ofVirtual().start(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					lines.offer(line);
				}
				lines.offer(END);
			}
			catch (Exception ex) {
				lines.offer("failed: " + ex);
			}
		});
		try {
			assertThat(next(lines, "data:", Duration.ofSeconds(5))).contains("\"unread\"");
			assertThat(this.liveStream.size()).isPositive();

			this.liveStream.stop();

			assertThat(next(lines, END, Duration.ofSeconds(5))).as("the stream ended").isEqualTo(END);
			assertThat(this.liveStream.size()).isZero();
		}
		finally {
			this.liveStream.start();
			stream.body().close();
			reader.interrupt();
		}
	}

	private static String next(BlockingQueue<String> lines, String prefix, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(50, TimeUnit.MILLISECONDS);
			if (line != null && line.startsWith(prefix)) {
				return line;
			}
		}
		throw new AssertionError("no " + prefix + " line within " + timeout);
	}

	private static void submitted(String citizen) {
		String application = UUID.randomUUID().toString();
		publish(APPLICATIONS, SUBMITTED, application, data(application, citizen));
	}

	static String data(String application, String citizen) {
		return "{\"applicationId\":\"" + application + "\",\"serviceCode\":\"moi-passport-renewal\",\"agency\":\"moi\","
				+ "\"citizenSubject\":\"" + citizen + "\",\"submittedAt\":\"2026-11-01T08:00:00Z\"}";
	}

}
