package org.bawaba.notifications.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.bawaba.notifications.NotificationsProperties;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "A notice is ready", from the instance that wrote it to the live streams of every instance, through
 * PostgreSQL's {@code LISTEN}/{@code NOTIFY}: a reader's stream is open on one instance of the service, and
 * the notice is written by whichever instance's consumer got the event.
 * <p>
 * {@link #send} is called in the transaction that writes the notice: PostgreSQL delivers a {@code NOTIFY}
 * only when its transaction commits, so a notice that is rolled back is never announced, and one that is
 * announced can be read. A signal names the notice and its reader (or the broadcast's audience and
 * category), never its texts: each instance reads the notice for each of its own streams, in that stream's
 * language. It is the only way a notice reaches a stream, the writer's own instance included.
 * <p>
 * Each instance listens on one connection of its own (not from the pool, which would take it back), on a
 * thread of its own. When that connection fails (PostgreSQL restarted, the connection was cut) the failure
 * is logged once and the connection opened again after {@code notifications.stream.reconnect.initial},
 * doubling up to {@code .max}. Meanwhile open streams stay open and new ones can be opened, but notices
 * written until it listens again are not pushed: they are in {@code GET /me/notices}, and in the
 * {@code unread} count a stream starts with. It stops with the live streams, before the web server's
 * graceful shutdown.
 */
@Component
class LiveSignals implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveSignals.class);

	/** The channel, in each service's own database. */
	static final String CHANNEL = "bawaba_notifications_live";

	/** The listening connections' name in {@code pg_stat_activity}. */
	static final String APPLICATION_NAME = "bawaba-notifications-live";

	/** PostgreSQL refuses payloads of 8000 bytes and more, and fails the transaction with them. */
	private static final int MAX_PAYLOAD = 7900;

	/** How long the listener waits for signals before checking that its connection is still alive. */
	private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final JdbcConnectionDetails database;

	private final LiveStream live;

	private final NotificationsProperties.Reconnect reconnect;

	private volatile boolean running;

	private volatile @Nullable Thread listener;

	private volatile @Nullable Connection connection;

	LiveSignals(JdbcClient jdbc, JsonMapper json, JdbcConnectionDetails database, LiveStream live,
			NotificationsProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.database = database;
		this.live = live;
		this.reconnect = properties.stream().reconnect();
	}

	/**
	 * What a signal says; the pseudonymous {@code sub} is the only thing it tells of a person.
	 *
	 * @param kind {@code notice} (new or changed) or {@code broadcast}
	 * @param id the notice or broadcast
	 * @param sub a notice's reader
	 * @param role a broadcast's audience
	 * @param category a broadcast's category
	 */
	record Signal(String kind, UUID id, @Nullable String sub, @Nullable String role, @Nullable String category) {

		static Signal notice(UUID id, String sub) {
			return new Signal("notice", id, sub, null, null);
		}

		static Signal broadcast(UUID id, String role, String category) {
			return new Signal("broadcast", id, null, role, category);
		}

	}

	/** Announces {@code signals} when the current transaction commits (at once without one). */
	void send(List<Signal> signals) {
		List<String> payloads = new ArrayList<>();
		for (Signal signal : signals) {
			String payload = json.writeValueAsString(signal);
			if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
				// only an absurdly long sub could do this; the notice is in the inbox all the same
				log.warn("Live signal of {} {} too long to send; not pushed", signal.kind(), signal.id());
			}
			else {
				payloads.add(payload);
			}
		}
		if (!payloads.isEmpty()) {
			jdbc.sql("select pg_notify(?, payload) from unnest(?::text[]) as payload")
				.params(CHANNEL, payloads.toArray(String[]::new))
				.query()
				.listOfRows();
		}
	}

	@Override
	public void start() {
		this.running = true;
		// the first LISTEN before start() returns: an instance that is up receives the notices written from then on
		Connection first = null;
		try {
			first = listen();
		}
		catch (SQLException ex) {
			log.warn("Live signals: cannot listen on {} ({}); notices are not pushed to streams until it can",
					CHANNEL, ex.toString());
		}
		Connection opened = first;
		this.listener = Thread.ofPlatform().name("live-signals").daemon().start(() -> run(opened));
	}

	/** Ends the connection (which wakes the thread where it waits) and the thread. */
	@Override
	public void stop() {
		this.running = false;
		Connection current = this.connection;
		if (current != null) {
			try {
				current.abort(Runnable::run);
			}
			catch (SQLException ex) {
				log.debug("Live signals: abort failed: {}", ex.toString());
			}
		}
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.listener = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** With the live streams, before the web server's graceful shutdown (a lower phase). */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	private void run(@Nullable Connection first) {
		Connection next = first;
		Duration wait = reconnect.initial();
		boolean failing = next == null;
		while (this.running) {
			try {
				if (next == null) {
					next = listen();
					log.info("Live signals: listening on {} again", CHANNEL);
				}
				failing = false;
				wait = reconnect.initial();
				receive(next);
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					break;
				}
				if (!failing) {
					log.warn("Live signals: the connection listening on {} failed ({}); opening it again, notices "
							+ "written until then are in the inboxes but not pushed to streams", CHANNEL, ex.toString());
					failing = true;
				}
				else {
					log.debug("Live signals: still cannot listen: {}", ex.toString());
				}
			}
			finally {
				close(next);
				next = null;
				this.connection = null;
			}
			if (this.running && failing) {
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException ex) {
					// stop() wakes it
				}
				wait = wait.multipliedBy(2).compareTo(reconnect.max()) > 0 ? reconnect.max() : wait.multipliedBy(2);
			}
		}
		close(next);
	}

	/** A connection of its own that listens on the channel. */
	private Connection listen() throws SQLException {
		Properties properties = new Properties();
		if (database.getUsername() != null) {
			properties.setProperty("user", database.getUsername());
		}
		if (database.getPassword() != null) {
			properties.setProperty("password", database.getPassword());
		}
		properties.setProperty("ApplicationName", APPLICATION_NAME);
		properties.setProperty("connectTimeout", "10");
		properties.setProperty("tcpKeepAlive", "true");
		Connection opened = DriverManager.getConnection(database.getJdbcUrl(), properties);
		try (Statement statement = opened.createStatement()) {
			statement.execute("listen " + CHANNEL);
		}
		catch (SQLException ex) {
			close(opened);
			throw ex;
		}
		this.connection = opened;
		if (!this.running) {
			// stop() came while connecting and found no connection to end
			close(opened);
			throw new SQLException("stopped");
		}
		return opened;
	}

	/** Waits for signals and hands them to this instance's streams until the connection fails or stops. */
	private void receive(Connection connection) throws SQLException {
		PGConnection postgres = connection.unwrap(PGConnection.class);
		while (this.running) {
			PGNotification[] received = postgres.getNotifications((int) CHECK_EVERY.toMillis());
			if (received == null || received.length == 0) {
				// nothing for a while: a connection cut without a word (no FIN) would wait forever
				if (this.running && !connection.isValid(5)) {
					throw new SQLException("the listening connection does not answer");
				}
				continue;
			}
			deliver(received);
		}
	}

	/** The notices of one batch grouped by reader (one query per open stream), then the broadcasts. */
	private void deliver(PGNotification[] received) {
		// a notice changed twice in one batch (consolidated) is read and pushed once, as it is now
		Map<String, Set<UUID>> notices = new LinkedHashMap<>();
		List<Signal> broadcasts = new ArrayList<>();
		for (PGNotification notification : received) {
			Signal signal;
			try {
				signal = json.readValue(notification.getParameter(), Signal.class);
			}
			catch (RuntimeException ex) {
				log.warn("Live signals: unreadable signal ignored: {}", ex.toString());
				continue;
			}
			if ("notice".equals(signal.kind()) && signal.sub() != null) {
				notices.computeIfAbsent(signal.sub(), sub -> new LinkedHashSet<>()).add(signal.id());
			}
			else if ("broadcast".equals(signal.kind()) && signal.role() != null && signal.category() != null) {
				broadcasts.add(signal);
			}
		}
		// a failing read (the pool exhausted, say) loses these pushes, not the connection
		notices.forEach((sub, ids) -> guarded(() -> live.push(sub, List.copyOf(ids))));
		broadcasts.forEach(signal -> guarded(() -> live.broadcast(signal.id(), signal.role(), signal.category())));
	}

	private static void guarded(Runnable push) {
		try {
			push.run();
		}
		catch (RuntimeException ex) {
			log.warn("Live signals: push failed: {}", ex.toString());
		}
	}

	private static void close(@Nullable Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				log.debug("Live signals: close failed: {}", ex.toString());
			}
		}
	}

}
