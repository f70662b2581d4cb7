package org.bawaba.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.bawaba.notifications.NotificationsApplication;
import org.bawaba.notifications.NotificationsProperties;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestInstances;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the service on one database, as a scaled-out installation runs it (issue 18): a reader's
 * live stream is open on one, and the notice is written by the other, whose consumer got the event. The
 * notices are written by calling instance A's {@link Notices} in a transaction, as its intake does; nothing
 * of instance B is called but its stream. Without the signal through PostgreSQL, B's streams see nothing.
 */
class LiveStreamTwoInstancesIT {

	private static final String DATABASE = TestDatabase.fresh("bawaba_notifications_two_instances_test");

	private static final String SUBMITTED = "org.bawaba.eservices.application.submitted.v1";

	private static final String POLL_OPENED = "org.bawaba.participation.poll.opened.v1";

	private static final String ARABIC_SUBJECT = "تم استلام طلبك";

	private static final String ENGLISH_SUBJECT = "Application received";

	private static TestInstances instances;

	/** Writes the notices. */
	private static ConfigurableApplicationContext a;

	/** Has the streams. */
	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void start() {
		instances = TestInstances.onOwnBroker(NotificationsApplication.class, 2, DATABASE,
				"--notifications.keycloak.client-secret=", "--notifications.sms.receipt-secret=test-receipt-secret");
		a = instances.all().get(0);
		b = instances.all().get(1);
	}

	@AfterAll
	static void stop() {
		instances.close();
	}

	@Test
	void aNoticeWrittenOnOneInstanceReachesItsReadersStreamsOnEveryInstanceInTheirLanguage() throws Exception {
		String citizen = unique("across");
		String token = TestTokens.arabicCitizen(citizen);
		try (Stream onB = Stream.open(b, "/me/stream", token); Stream onA = Stream.open(a, "/me/stream?lang=en", token)) {
			onB.next(line -> line.contains("\"unread\""));
			onA.next(line -> line.contains("\"unread\""));

			String application = UUID.randomUUID().toString();
			inTransaction(a, () -> submitted(a, citizen, application));

			String arabic = onB.next(line -> line.contains(application));
			assertThat(arabic).contains(ARABIC_SUBJECT).contains("\"lang\":\"ar\"").contains("\"dir\":\"rtl\"");
			String english = onA.next(line -> line.contains(application));
			assertThat(english).contains(ENGLISH_SUBJECT).contains("\"lang\":\"en\"");
		}
	}

	@Test
	void aBroadcastWrittenOnOneInstanceReachesItsAudienceOnTheOther() throws Exception {
		String citizen = unique("audience");
		String question = "Across instances " + UUID.randomUUID() + "?";
		try (Stream citizenOnB = Stream.open(b, "/me/stream?lang=en", TestTokens.citizen(citizen));
				Stream supplierOnB = Stream.open(b, "/me/stream?lang=en", TestTokens.supplier(unique("not-audience")))) {
			citizenOnB.next(line -> line.contains("\"unread\""));
			supplierOnB.next(line -> line.contains("\"unread\""));

			inTransaction(a, () -> pollOpened(a, question));

			String pushed = citizenOnB.next(line -> line.contains(question));
			assertThat(pushed).contains("\"broadcast\":true").contains("Have your say");
			supplierOnB.nothingWithin(line -> line.contains(question), Duration.ofSeconds(1));
		}
	}

	@Test
	void aNoticeOrBroadcastRolledBackIsNeitherAnnouncedNorPushed() throws Exception {
		String citizen = unique("rolled-back");
		String rolledBack = UUID.randomUUID().toString();
		String question = "Rolled back " + UUID.randomUUID() + "?";
		try (Connection signals = listen(); Stream onB = Stream.open(b, "/me/stream?lang=en", TestTokens.citizen(citizen))) {
			onB.next(line -> line.contains("\"unread\""));

			new TransactionTemplate(a.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
				pollOpened(a, question);
				submitted(a, citizen, rolledBack);
				// the notices of a transaction are written just before it commits: write them now, as a commit would
				TransactionSynchronizationUtils.triggerBeforeCommit(false);
				JdbcClient jdbc = a.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select count(*) from notice where recipient = ?").param(citizen).query(Long.class).single())
					.as("written, with its signal, before the rollback").isEqualTo(1);
				status.setRollbackOnly();
			});
			assertThat(TestDatabase.count(DATABASE, "select count(*) from notice where recipient = ?", citizen)).isZero();

			String committed = UUID.randomUUID().toString();
			inTransaction(a, () -> submitted(a, citizen, committed));

			assertThat(onB.next(line -> line.startsWith("data:"))).as("the first notice pushed").contains(committed);
			List<String> announced = received(signals);
			assertThat(announced).as("signals").filteredOn(payload -> payload.contains(citizen)).hasSize(1);
			assertThat(announced).noneMatch(payload -> payload.contains("\"kind\":\"broadcast\""));
			onB.nothingWithin(line -> line.contains(question) || line.contains(rolledBack), Duration.ofSeconds(1));
		}
	}

	@Test
	void theListeningConnectionsComeBackWhenTheDatabaseCutsThem() throws Exception {
		String citizen = unique("reconnect");
		String token = TestTokens.arabicCitizen(citizen);
		try (Stream before = Stream.open(b, "/me/stream", token)) {
			before.next(line -> line.contains("\"unread\""));
			List<Integer> cut = backends("true");
			assertThat(cut).as("one listening connection per instance").hasSize(2);

			// what a PostgreSQL restart does to them, without restarting the machine's shared server
			assertThat(TestDatabase.count(DATABASE, "select count(pg_terminate_backend(pid)) from pg_stat_activity"
					+ " where datname = current_database() and application_name = ?", LiveSignals.APPLICATION_NAME))
				.isEqualTo(2);
			try (Stream meanwhile = Stream.open(b, "/me/stream", token)) {
				meanwhile.next(line -> line.contains("\"unread\""));
				long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
				List<Integer> listening = listening();
				while ((listening.size() < 2 || listening.stream().anyMatch(cut::contains)) && System.nanoTime() < deadline) {
					Thread.sleep(100);
					listening = listening();
				}
				assertThat(listening).as("listening again, on new connections").hasSize(2).doesNotContainAnyElementsOf(cut);

				String application = UUID.randomUUID().toString();
				inTransaction(a, () -> submitted(a, citizen, application));

				assertThat(before.next(line -> line.contains(application))).contains(ARABIC_SUBJECT);
				assertThat(meanwhile.next(line -> line.contains(application))).contains(ARABIC_SUBJECT);
			}
		}
	}


	private static void inTransaction(ConfigurableApplicationContext instance, Runnable work) {
		new TransactionTemplate(instance.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> work.run());
	}

	private static void submitted(ConfigurableApplicationContext instance, String citizen, String application) {
		String data = "{\"applicationId\":\"" + application + "\",\"serviceCode\":\"moi-passport-renewal\","
				+ "\"agency\":\"moi\",\"citizenSubject\":\"" + citizen + "\",\"submittedAt\":\"2026-11-01T08:00:00Z\"}";
		instance.getBean(Notices.class).notify(citizen, SUBMITTED, rule(instance, SUBMITTED),
				UUID.randomUUID().toString(), instance.getBean(JsonMapper.class).readTree(data));
	}

	private static void pollOpened(ConfigurableApplicationContext instance, String question) {
		String data = "{\"pollId\":\"" + UUID.randomUUID() + "\",\"question\":\"" + question + "\",\"agency\":\"moi\","
				+ "\"audience\":\"CITIZENS\",\"closesAt\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"}";
		instance.getBean(Notices.class).broadcast("citizen", POLL_OPENED, rule(instance, POLL_OPENED),
				UUID.randomUUID().toString(), instance.getBean(JsonMapper.class).readTree(data),
				Instant.now().plus(Duration.ofHours(1)));
	}

	private static NotificationsProperties.EventRule rule(ConfigurableApplicationContext instance, String type) {
		return instance.getBean(NotificationsProperties.class).events().get(type);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}


	/**
	 * The backends of the instances' connections that have just run {@code LISTEN} (the last statement of a
	 * connection until it checks itself, after 10 s without signals).
	 */
	private static List<Integer> listening() throws SQLException {
		return backends("state = 'idle' and query ilike 'listen%'");
	}

	/** The backends of the instances' listening connections where {@code condition} holds. */
	private static List<Integer> backends(String condition) throws SQLException {
		try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
				var statement = connection.prepareStatement("select pid from pg_stat_activity where datname = current_database()"
						+ " and application_name = ? and " + condition)) {
			statement.setString(1, LiveSignals.APPLICATION_NAME);
			List<Integer> pids = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					pids.add(rows.getInt(1));
				}
			}
			return pids;
		}
	}

	/** A connection of the test's own that listens on the instances' channel. */
	private static Connection listen() throws SQLException {
		Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
		try (Statement statement = connection.createStatement()) {
			statement.execute("listen " + LiveSignals.CHANNEL);
		}
		return connection;
	}

	/** The payloads received so far, once no more came for half a second. */
	private static List<String> received(Connection connection) throws SQLException {
		List<String> payloads = new ArrayList<>();
		PGNotification[] batch;
		do {
			batch = connection.unwrap(PGConnection.class).getNotifications(500);
			for (PGNotification notification : batch == null ? new PGNotification[0] : batch) {
				payloads.add(notification.getParameter());
			}
		}
		while (batch != null && batch.length > 0);
		return payloads;
	}


	/** A live stream opened over HTTP, its lines read as they come. */
	private record Stream(HttpResponse<InputStream> response, BlockingQueue<String> lines, Thread reader)
			implements AutoCloseable {

		static Stream open(ConfigurableApplicationContext instance, String path, String token) throws Exception {
			URI uri = URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path);
			HttpResponse<InputStream> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(uri).header("Authorization", token).header("Accept", "text/event-stream")
					.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			BlockingQueue<String> lines = new LinkedBlockingQueue<>();
			Thread reader = Thread.ofVirtual().start(() -> {
				try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = in.readLine()) != null) {
						lines.offer(line);
					}
				}
				catch (Exception ex) {
					// closed by the test
				}
			});
			return new Stream(response, lines, reader);
		}

		/** The next {@code data:} line that matches, within 5 s. */
		String next(Predicate<String> matching) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (System.nanoTime() < deadline) {
				String line = lines.poll(50, TimeUnit.MILLISECONDS);
				if (line != null && line.startsWith("data:") && matching.test(line)) {
					return line;
				}
			}
			throw new AssertionError("no matching data: line within 5 s");
		}

		void nothingWithin(Predicate<String> matching, Duration wait) throws InterruptedException {
			long deadline = System.nanoTime() + wait.toNanos();
			while (System.nanoTime() < deadline) {
				String line = lines.poll(50, TimeUnit.MILLISECONDS);
				assertThat(line == null || !line.startsWith("data:") || !matching.test(line)).as(line).isTrue();
			}
		}

		@Override
		public void close() throws Exception {
			response.body().close();
			reader.interrupt();
		}

	}

}
