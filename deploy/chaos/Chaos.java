import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The fault suite (issue 18), run by deploy/chaos/chaos.sh against the running suite: each scenario puts a
 * steady load of citizens' journeys on the public entry, injects its fault (a crash, an outage, a restart),
 * brings back what it stopped, and then checks what was acknowledged: every application answered 201 is still
 * readable by its citizen, its "application submitted" event is on Kafka, and it produced exactly one notice in
 * that citizen's inbox. One line of figures per scenario, PASS or FAIL with the reasons.
 */
class Chaos {

	static final Path ROOT = Path.of(System.getProperty("chaos.root", ".")).toAbsolutePath().normalize();

	static final Path RUNTIME = Path.of(env("BAWABA_RUNTIME", ROOT.resolve(".bawaba").toString()));

	static final String GATEWAY = env("CHAOS_GATEWAY", "http://localhost:8080");

	static final String REALM = env("CHAOS_KEYCLOAK", "http://localhost:8180") + "/realms/bawaba";

	static final Path LOG = Path.of(env("CHAOS_LOG", "/tmp/bawaba-chaos.log"));

	/** The realm's demo citizens (auth/src/main/resources/keycloak/bawaba-realm.json). */
	static final List<String> CITIZENS = List.of("citizen1", "citizen2", "citizen3");

	static final String SUBMITTED = "org.bawaba.eservices.application.submitted.v1";

	static final String APPLICATIONS_TOPIC = "bawaba.eservices.applications";

	static final List<String> SCENARIOS = List.of("kill-instances", "no-instance", "broker-kill", "kafka-down",
			"postgres-restart", "keycloak-down", "redis-down", "rolling-restart");

	/**
	 * What the short mode kills and restarts (the long one: every service), with the gateways: the service that
	 * acknowledges the load's writes and the one that turns their events into notices, where a loss or a duplicate
	 * would show.
	 */
	static final List<String> FAULTED = List.of("eservices", "notifications");

	/** How long after a kill -9 requests may fail: the balancer's and the gateway's view of an instance catch up. */
	static final long KILL_GRACE_MS = 10_000;

	/** A bound on one request: the gateway's own time limits answer long before it. */
	static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

	static final ObjectMapper JSON = new ObjectMapper();

	static final Pattern ARABIC = Pattern.compile("\\p{InArabic}{3,}");

	static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z]{4,} [A-Za-z]{2,} [A-Za-z]{3,}\\b");

	/** Seconds of each phase; the long mode is several times the short one and faults every service. */
	record Durations(int warm, int observe, int outage, int after, int drain, boolean everyService) {

		static Durations of(String mode) {
			return switch (mode) {
				case "short" -> new Durations(10, 10, 20, 20, 90, false);
				case "long" -> new Durations(45, 30, 60, 90, 240, true);
				default -> throw new IllegalArgumentException("CHAOS_MODE is short or long, not " + mode);
			};
		}

	}

	static Durations durations;

	/** One request of the load. */
	record Call(long at, long millis, String route, int status, String error, String detail) {

		long end() {
			return at + millis;
		}

		boolean failed() {
			return error != null;
		}

		String service() {
			return route.substring(0, route.indexOf('.'));
		}

		String outcome() {
			return status > 0 ? status + (error.isEmpty() ? "" : " " + error) : error;
		}

	}

	/** A write acknowledged: an application answered 201. */
	record Ack(String id, String citizen, long at) {
	}

	/** A span of a scenario in which something was done to the suite, for reading failures against. */
	record Window(long from, long to, String what) {

		/** Whether the call was under way during the window: one sent just before a kill may fail in it. */
		boolean overlaps(Call call) {
			return call.at() <= to && call.end() >= from;
		}

	}

	record Figures(String scenario, int requests, int failed, int acknowledged, int lostWrites, int events,
			int lostEvents, int duplicates, double recoverS, Map<String, String> extra) {

		String line() {
			String more = extra.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining());
			return "scenario=%s requests=%d failed=%d acknowledged=%d lost_writes=%d events=%s lost_events=%d duplicate_notices=%d recover_s=%s%s"
				.formatted(scenario, requests, failed, acknowledged, lostWrites, events < 0 ? "?" : events, lostEvents,
						duplicates, Double.isNaN(recoverS) ? "never" : "%.1f".formatted(recoverS), more);
		}

	}

	/** What a scenario found: its figures, the reasons it failed (none: PASS), and what else it observed. */
	record Outcome(Figures figures, List<String> failures, List<String> observations, String skipped) {
	}

	public static void main(String[] args) throws Exception {
		durations = Durations.of(env("CHAOS_MODE", "short"));
		List<String> chosen = args.length == 0 ? SCENARIOS : List.of(args);
		for (String name : chosen) {
			if (!SCENARIOS.contains(name)) {
				System.err.println("no scenario " + name + "; the scenarios: " + String.join(" ", SCENARIOS));
				System.exit(2);
			}
		}
		System.out.printf("Fault suite, %s mode, against %s (runtime %s); commands logged to %s%n",
				env("CHAOS_MODE", "short"), GATEWAY, RUNTIME, LOG);
		boolean allPassed = true;
		List<String> summary = new ArrayList<>();
		for (String name : chosen) {
			if (!awaitSuiteReady(Duration.ofMinutes(5))) {
				System.out.println("the suite is not fully ready (./bawaba status): not running " + name + " and the rest");
				allPassed = false;
				break;
			}
			System.out.printf("%n== %s ==%n", name);
			Outcome outcome;
			try {
				outcome = run(name);
			}
			catch (Exception ex) {
				ex.printStackTrace(System.out);
				outcome = new Outcome(new Figures(name, 0, 0, 0, 0, -1, 0, 0, Double.NaN, Map.of()),
						List.of("the scenario did not complete: " + ex), List.of(), null);
			}
			String verdict = outcome.skipped() != null ? "SKIPPED: " + outcome.skipped()
					: outcome.failures().isEmpty() ? "PASS" : "FAIL: " + String.join("; ", outcome.failures());
			outcome.observations().forEach(line -> System.out.println("  " + line));
			System.out.println(outcome.figures().line());
			System.out.println(verdict);
			summary.add(outcome.figures().line() + System.lineSeparator() + verdict);
			allPassed &= outcome.skipped() != null || outcome.failures().isEmpty();
		}
		System.out.printf("%n== summary ==%n%s%n", String.join(System.lineSeparator(), summary));
		System.exit(allPassed ? 0 : 1);
	}

	static Outcome run(String name) throws Exception {
		return switch (name) {
			case "kill-instances" -> killInstances();
			case "no-instance" -> noInstance();
			case "broker-kill" -> brokerKill();
			case "kafka-down" -> kafkaDown();
			case "postgres-restart" -> postgresRestart();
			case "keycloak-down" -> keycloakDown();
			case "redis-down" -> redisDown();
			case "rolling-restart" -> rollingRestart();
			default -> throw new IllegalArgumentException(name);
		};
	}

	static Outcome killInstances() throws Exception {
		List<String> services = new ArrayList<>(durations.everyService() ? services() : FAULTED);
		services.remove("gateway");
		services.add("gateway");
		Scenario scenario = new Scenario("kill-instances");
		List<Window> kills = new ArrayList<>();
		Map<String, Double> recoveries = new LinkedHashMap<>();
		try (Load load = scenario.start()) {
			for (int i = 0; i < services.size(); i++) {
				// the first instance of one service, the second of the next: neither is special
				String instance = i % 2 == 0 ? services.get(i) + "@2" : services.get(i);
				pause(durations.warm());
				long pgid = pid(instance);
				long at = System.currentTimeMillis();
				command(Duration.ofSeconds(10), "kill", "-9", "--", "-" + pgid);
				scenario.note("kill -9 %s (process group %d)", instance, pgid);
				Window kill = new Window(at, at + KILL_GRACE_MS, "kill -9 " + instance);
				kills.add(kill);
				pause(durations.observe());
				scenario.restart(instance);
				String service = instance.replaceAll("@\\d+$", "");
				recoveries.put(instance, recovery(load.calls(), at, System.currentTimeMillis(),
						call -> service.equals("gateway") || call.service().equals(service)));
			}
			pause(durations.after());
		}
		Verdict verdict = scenario.verify();
		List<String> failures = verdict.failures();
		List<Call> outside = scenario.load.failed().stream()
			.filter(call -> kills.stream().noneMatch(kill -> kill.overlaps(call))).toList();
		if (!outside.isEmpty()) {
			failures.add(outside.size() + " requests failed more than " + KILL_GRACE_MS / 1000
					+ " s after a kill: " + describe(outside, scenario.windows));
		}
		recoveries.forEach((instance, seconds) -> {
			if (Double.isNaN(seconds) || seconds > KILL_GRACE_MS / 1000.0) {
				failures.add("after kill -9 " + instance + " the other instance served its requests only after "
						+ (Double.isNaN(seconds) ? "never" : "%.1f s".formatted(seconds)));
			}
		});
		scenario.observe("recovery per kill (s): " + recoveries.entrySet().stream()
			.map(e -> e.getKey() + "=" + "%.1f".formatted(e.getValue())).collect(Collectors.joining(" ")));
		return scenario.outcome(verdict, max(recoveries.values()), Map.of(), failures);
	}

	static Outcome noInstance() throws Exception {
		String service = "opendata";
		List<String> instances = instances(service);
		String route = GATEWAY + "/api/opendata/api/3/action/package_search?q=health";
		Scenario scenario = new Scenario("no-instance");
		Map<String, Long> gateways = new LinkedHashMap<>();
		for (String gateway : instances("gateway")) {
			gateways.put(gateway, pid(gateway));
		}
		List<String> problems = new ArrayList<>();
		List<Long> downMillis = new ArrayList<>();
		String page = "none";
		double recover;
		try (Load load = scenario.start()) {
			pause(durations.warm());
			long down = System.currentTimeMillis();
			scenario.stop(instances);
			long deadline = System.currentTimeMillis() + durations.outage() * 1000L;
			while (System.currentTimeMillis() < deadline) {
				Probe json = probe(route, "application/json", null);
				downMillis.add(json.millis());
				if (json.status() != 503 || !json.contentType().startsWith("application/problem+json")
						|| json.millis() >= 1000) {
					problems.add(json.summary());
				}
				Probe html = probe(route, "text/html,application/xhtml+xml", null);
				page = html.status() + " " + html.contentType() + (html.arabic() ? " ar" : "")
						+ (html.english() ? " en" : "");
				if (!html.contentType().startsWith("text/html") || !html.body().contains("<html")) {
					problems.add("browser: " + html.summary());
				}
				pause(1);
			}
			scenario.windows.add(new Window(down, System.currentTimeMillis(), "no instance of " + service));
			scenario.restartAll(instances);
			long back = System.currentTimeMillis();
			Probe served = await(() -> probe(route, "application/json", null), probe -> probe.status() == 200,
					Duration.ofSeconds(90));
			recover = served.status() == 200 ? (served.at() + served.millis() - back) / 1000.0 : Double.NaN;
			pause(durations.after());
		}
		Verdict verdict = scenario.verify();
		List<String> failures = verdict.failures();
		if (!problems.isEmpty()) {
			failures.add("with no instance of " + service + ", " + problems.size() + " of " + downMillis.size() * 2
					+ " probes were not a 503 problem+json (or an HTML page for a browser) in under 1 s: "
					+ summarize(problems));
		}
		List<Call> others = scenario.load.failed().stream().filter(call -> !call.service().equals(service)).toList();
		if (!others.isEmpty()) {
			failures.add("other routes failed: " + describe(others, scenario.windows));
		}
		if (Double.isNaN(recover) || recover > 60) {
			failures.add(service + " was not served again within 60 s of its instances being ready");
		}
		for (var gateway : gateways.entrySet()) {
			if (pid(gateway.getKey()) != gateway.getValue()) {
				failures.add(gateway.getKey() + " was restarted during the scenario");
			}
		}
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put("down_ms_max", String.valueOf(downMillis.stream().mapToLong(Long::longValue).max().orElse(-1)));
		extra.put("browser_page", "\"" + page + "\"");
		return scenario.outcome(verdict, recover, extra, failures);
	}

	static Outcome brokerKill() throws Exception {
		String brokers = read(RUNTIME.resolve("run/kafka-brokers"), "1").trim();
		if (!brokers.equals("3")) {
			return new Outcome(new Figures("broker-kill", 0, 0, 0, 0, -1, 0, 0, 0, Map.of()), List.of(), List.of(),
					"the suite runs " + brokers + " Kafka broker(s) (run/kafka-brokers), not 3: ./bawaba run --kafka-brokers 3");
		}
		Scenario scenario = new Scenario("broker-kill");
		double recover;
		try (Load load = scenario.start()) {
			pause(durations.warm());
			long pgid = pid("kafka@2");
			long at = System.currentTimeMillis();
			command(Duration.ofSeconds(10), "kill", "-9", "--", "-" + pgid);
			scenario.note("kill -9 kafka@2 (process group %d)", pgid);
			pause(Math.max(20, durations.outage()));
			long end = System.currentTimeMillis();
			scenario.windows.add(new Window(at, end, "kafka@2 down"));
			scenario.restart("kafka@2");
			recover = recovery(load.calls(), end, System.currentTimeMillis(), call -> true);
			pause(durations.after());
		}
		Verdict verdict = scenario.verify();
		return scenario.outcome(verdict, recover, Map.of(), verdict.failures());
	}

	static Outcome kafkaDown() throws Exception {
		List<String> nodes = kafkaNodes();
		Scenario scenario = new Scenario("kafka-down");
		long down;
		long restarting;
		long back;
		double recover;
		try (Load load = scenario.start()) {
			pause(durations.warm());
			down = System.currentTimeMillis();
			scenario.stop(nodes);
			pause(durations.outage());
			scenario.windows.add(new Window(down, System.currentTimeMillis(), "Kafka down"));
			// together: three nodes have a quorum of three controllers, none of which is ready alone
			restarting = System.currentTimeMillis();
			scenario.restartAll(nodes);
			back = System.currentTimeMillis();
			recover = recovery(load.calls(), back, back + durations.after() * 1000L, call -> true);
			pause(durations.after());
		}
		Verdict verdict = scenario.verify();
		List<String> failures = verdict.failures();
		List<Ack> during = scenario.load.acks().stream().filter(ack -> ack.at() >= down && ack.at() <= back).toList();
		List<Call> submitsFailed = scenario.load.failed().stream()
			.filter(call -> call.route().equals("eservices.submit") && call.at() >= down && call.at() <= back).toList();
		if (during.isEmpty()) {
			failures.add("no application was acknowledged while Kafka was down");
		}
		if (!submitsFailed.isEmpty()) {
			failures.add(submitsFailed.size() + " submissions failed while Kafka was down: "
					+ describe(submitsFailed, scenario.windows));
		}
		long lastNotice = during.stream().map(ack -> verdict.noticedAt().get(ack.id())).filter(at -> at != null)
			.mapToLong(Long::longValue).max().orElse(-1);
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put("acknowledged_during_outage", String.valueOf(during.size()));
		// from the restart's start: the broker takes clients before the launcher counts it ready (its ACLs applied)
		extra.put("drain_s", lastNotice < 0 ? "?" : "%.1f".formatted(Math.max(0, lastNotice - restarting) / 1000.0));
		return scenario.outcome(verdict, recover, extra, failures);
	}

	static Outcome postgresRestart() throws Exception {
		String version = command(Duration.ofSeconds(10), "ls", "/etc/postgresql").trim().split("\\s+")[0];
		Scenario scenario = new Scenario("postgres-restart");
		long answering;
		double recover;
		try (Load load = scenario.start()) {
			pause(durations.warm());
			long at = System.currentTimeMillis();
			scenario.run(Duration.ofSeconds(120), "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart");
			Probe ready = await(() -> pgReady(), probe -> probe.status() == 0, Duration.ofSeconds(60));
			answering = System.currentTimeMillis();
			scenario.windows.add(new Window(at, answering + 30_000, "PostgreSQL restart + 30 s"));
			scenario.note("PostgreSQL answers again (%s)", ready.status() == 0 ? "pg_isready" : "NOT answering");
			recover = recovery(load.calls(), answering, answering + 60_000, call -> true);
			pause(Math.max(durations.after(), 45));
		}
		Verdict verdict = scenario.verify();
		List<String> failures = verdict.failures();
		List<Call> late = scenario.load.failed().stream().filter(call -> call.at() > answering + 30_000).toList();
		if (!late.isEmpty()) {
			failures.add(late.size() + " requests failed more than 30 s after PostgreSQL answered again: "
					+ describe(late, scenario.windows));
		}
		return scenario.outcome(verdict, recover, Map.of(), failures);
	}

	static Outcome keycloakDown() throws Exception {
		Scenario scenario = new Scenario("keycloak-down");
		long down;
		long back;
		Probe signIn;
		boolean fresh;
		double recover;
		try (Load load = scenario.start()) {
			pause(durations.warm());
			// tokens that outlive the outage
			scenario.tokens.renewAll();
			down = System.currentTimeMillis();
			scenario.stop(List.of("keycloak"));
			pause(durations.outage() / 2);
			signIn = browserSignIn();
			scenario.note("browser sign-in while Keycloak is down: %s", signIn.summary());
			pause(durations.outage() - durations.outage() / 2);
			scenario.windows.add(new Window(down, System.currentTimeMillis(), "Keycloak down"));
			scenario.restart("keycloak");
			back = System.currentTimeMillis();
			Probe me = await(() -> {
				try {
					return probe(GATEWAY + "/api/me", "application/json", Tokens.grant("citizen1").token());
				}
				catch (RuntimeException ex) {
					return new Probe(System.currentTimeMillis(), 0, -1, "", ex.toString());
				}
			}, probe -> probe.status() == 200, Duration.ofSeconds(60));
			fresh = me.status() == 200;
			scenario.note("a fresh password grant after the restart, then /api/me: %s", me.summary());
			recover = recovery(load.calls(), back, back + 60_000, call -> true);
			pause(durations.after());
		}
		Verdict verdict = scenario.verify();
		List<String> failures = verdict.failures();
		List<Call> signedIn = scenario.load.failed().stream()
			.filter(call -> call.at() >= down && call.at() <= back && !call.route().startsWith("anonymous"))
			.filter(call -> call.service().equals("eservices") || call.service().equals("notifications")).toList();
		if (!signedIn.isEmpty()) {
			failures.add(signedIn.size() + " requests with tokens already issued failed while Keycloak was down: "
					+ describe(signedIn, scenario.windows));
		}
		if (signIn.status() <= 0 || signIn.status() >= 500 && !signIn.contentType().startsWith("text/html")
				|| signIn.body().contains("\tat ") || !signIn.contentType().startsWith("text/html")) {
			failures.add("a browser's sign-in while Keycloak is down does not end on a page: " + signIn.summary());
		}
		if (!fresh) {
			failures.add("no working token from a fresh password grant after Keycloak's restart");
		}
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put("sign_in", "\"" + (signIn.status() > 0 ? signIn.status() : "no answer") + " " + signIn.contentType() + (signIn.arabic() ? " ar" : "")
				+ (signIn.english() ? " en" : "") + "\"");
		return scenario.outcome(verdict, recover, extra, failures);
	}

	static Outcome redisDown() throws Exception {
		Scenario scenario = new Scenario("redis-down");
		Map<String, Map<String, Integer>> seen = new LinkedHashMap<>();
		long back;
		double recover;
		try (Load load = scenario.start()) {
			pause(durations.warm());
			long down = System.currentTimeMillis();
			scenario.run(Duration.ofSeconds(10), "redis-cli", "-p", "6379", "shutdown", "nosave");
			long deadline = System.currentTimeMillis() + durations.outage() * 1000L;
			while (System.currentTimeMillis() < deadline) {
				for (var probe : redisProbes(scenario.tokens).entrySet()) {
					seen.computeIfAbsent(probe.getKey(), _ -> new TreeMap<>()).merge(probe.getValue().outcome(), 1,
							Integer::sum);
				}
				pause(1);
			}
			scenario.windows.add(new Window(down, System.currentTimeMillis(), "Redis down"));
			scenario.run(Duration.ofSeconds(10), "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port",
					"6379", "--save", "", "--appendonly", "no");
			await(() -> new Probe(0, 0, redisPong() ? 0 : 1, "", ""), probe -> probe.status() == 0, Duration.ofSeconds(20));
			back = System.currentTimeMillis();
			long recovered = -1;
			long until = back + 60_000;
			while (System.currentTimeMillis() < until) {
				if (redisProbes(scenario.tokens).values().stream().allMatch(probe -> probe.status() / 100 <= 3)) {
					recovered = System.currentTimeMillis();
					break;
				}
				pause(1);
			}
			recover = recovered < 0 ? Double.NaN : (recovered - back) / 1000.0;
			scenario.windows.add(new Window(back, back + 10_000, "Redis back + 10 s"));
			pause(durations.after());
		}
		Verdict verdict = scenario.verify();
		List<String> failures = verdict.failures();
		if (Double.isNaN(recover)) {
			failures.add("requests did not all succeed within 60 s of Redis answering again");
		}
		List<Call> late = scenario.load.failed().stream().filter(call -> call.at() > back + 10_000).toList();
		if (!late.isEmpty()) {
			failures.add(late.size() + " requests failed more than 10 s after Redis was back: "
					+ describe(late, scenario.windows));
		}
		seen.forEach((what, outcomes) -> scenario.observe("while Redis was down, " + what + ": " + outcomes));
		// fail open or closed as docs/RELIABILITY.md says, but closed is a 503 that says so, never a bare 500
		seen.forEach((what, outcomes) -> outcomes.keySet().stream()
			.filter(outcome -> !outcome.matches("[234]\\d\\d|503")).findAny()
			.ifPresent(outcome -> failures.add("while Redis was down, " + what + " answered " + outcomes)));
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put("api", openOrClosed(seen, "anonymous API") + "/" + openOrClosed(seen, "bearer API"));
		extra.put("sessions", openOrClosed(seen, "browser page") + "/" + openOrClosed(seen, "browser sign-in"));
		return scenario.outcome(verdict, recover, extra, failures);
	}

	static Outcome rollingRestart() throws Exception {
		List<String> services = new ArrayList<>(durations.everyService() ? services() : FAULTED);
		services.remove("gateway");
		services.add("gateway");
		Scenario scenario = new Scenario("rolling-restart");
		try (Load load = scenario.start()) {
			pause(durations.warm());
			for (String service : services) {
				for (String instance : instances(service)) {
					scenario.restart(instance);
					// what a rolling update waits between two instances: the new one taking traffic
					pause(5);
				}
			}
			pause(durations.after());
		}
		Verdict verdict = scenario.verify();
		List<String> failures = verdict.failures();
		if (!scenario.load.failed().isEmpty()) {
			failures.add(scenario.load.failed().size() + " requests failed during the rolling restart: "
					+ describe(scenario.load.failed(), scenario.windows));
		}
		// per restart: from its start until its service's requests succeed again
		double recover = max(scenario.windows.stream().map(window -> {
			String service = window.what().replaceAll("^restart |@\\d+$", "");
			return recovery(scenario.load.calls(), window.from(), window.to(),
					call -> service.equals("gateway") || call.service().equals(service));
		}).toList());
		return scenario.outcome(verdict, recover, Map.of(), failures);
	}

	/** One scenario's load, the windows of what it did to the suite, and the check at its end. */
	static final class Scenario {

		final String name;

		final Tokens tokens = new Tokens();

		final List<Window> windows = new ArrayList<>();

		final List<String> observations = new ArrayList<>();

		final long started = System.currentTimeMillis();

		final Map<TopicPartition, Long> offsets = Events.mark();

		Load load;

		Scenario(String name) {
			this.name = name;
		}

		Load start() {
			tokens.renewAll();
			load = new Load(tokens, Integer.parseInt(env("CHAOS_USERS", "4")), Double.parseDouble(env("CHAOS_RATE", "4")));
			note("load: %s virtual users, %s requests/s in all", env("CHAOS_USERS", "4"), env("CHAOS_RATE", "4"));
			return load;
		}

		void note(String format, Object... args) {
			String line = "[%s +%5.1fs] %s".formatted(name, (System.currentTimeMillis() - started) / 1000.0,
					format.formatted(args));
			System.out.println(line);
			log(line);
		}

		void observe(String line) {
			observations.add(line);
		}

		void restart(String component) throws Exception {
			long from = System.currentTimeMillis();
			note("restarting %s", component);
			command(Duration.ofMinutes(10), "bash", ROOT.resolve("deploy/chaos/chaos.sh").toString(), "restart-component",
					component);
			windows.add(new Window(from, System.currentTimeMillis(), "restart " + component));
			note("%s ready", component);
		}

		/** Restarts them at once and waits for all. */
		void restartAll(List<String> components) throws Exception {
			long from = System.currentTimeMillis();
			note("restarting %s", String.join(" ", components));
			List<Running> restarts = new ArrayList<>();
			for (String component : components) {
				restarts.add(Chaos.start("bash", ROOT.resolve("deploy/chaos/chaos.sh").toString(), "restart-component",
						component));
			}
			for (Running restart : restarts) {
				finish(restart, Duration.ofMinutes(10));
			}
			windows.add(new Window(from, System.currentTimeMillis(), "restart " + String.join(" ", components)));
			note("%s ready", String.join(" ", components));
		}

		void stop(List<String> components) throws Exception {
			List<String> command = new ArrayList<>(List.of(ROOT.resolve("bawaba").toString(), "stop"));
			command.addAll(components);
			run(Duration.ofMinutes(4), command.toArray(String[]::new));
		}

		String run(Duration timeout, String... command) throws Exception {
			note("%s", String.join(" ", command));
			return command(timeout, command);
		}

		Verdict verify() {
			note("verifying %d acknowledged applications (drain up to %d s)", load.acks().size(), durations.drain());
			Verdict verdict = Verifier.verify(tokens, load.acks(), started, offsets, Duration.ofSeconds(durations.drain()));
			note("verified");
			return verdict;
		}

		Outcome outcome(Verdict verdict, double recover, Map<String, String> extra, List<String> failures) {
			List<Call> calls = load.calls();
			observations.addAll(verdict.observations());
			if (!load.failed().isEmpty()) {
				observations.add("failed requests: " + describe(load.failed(), windows));
			}
			return new Outcome(new Figures(name, calls.size(), load.failed().size(), load.acks().size(),
					verdict.lostWrites(), verdict.events(), verdict.lostEvents(), verdict.duplicates(), recover, extra),
					failures, observations, null);
		}

	}

	/**
	 * Virtual citizens, each on its own thread at an even pace, each going round the same journeys: apply for a
	 * service, read the catalogue, read back an application, look at polls, at the inbox, at open data. Every
	 * request is recorded; an application answered 201 is an acknowledged write.
	 */
	static final class Load implements AutoCloseable {

		enum Step {

			SUBMIT("eservices.submit", 201), CATALOGUE("eservices.catalogue", 200), READ("eservices.read", 200),
			POLLS("participation.polls", 200), NOTICES("notifications.notices", 200), DATASETS("opendata.search", 200);

			final String route;

			final int expected;

			Step(String route, int expected) {
				this.route = route;
				this.expected = expected;
			}

		}

		private final Tokens tokens;

		private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

		private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();

		private final List<Thread> users = new ArrayList<>();

		private volatile boolean running = true;

		Load(Tokens tokens, int users, double rate) {
			this.tokens = tokens;
			long period = (long) (users * 1000 / rate);
			for (int n = 0; n < users; n++) {
				String citizen = CITIZENS.get(n % CITIZENS.size());
				int first = n;
				this.users.add(Thread.ofPlatform().name("citizen-" + n).start(() -> user(citizen, first, period, users)));
			}
		}

		List<Call> calls() {
			return List.copyOf(calls);
		}

		List<Call> failed() {
			return calls.stream().filter(Call::failed).toList();
		}

		List<Ack> acks() {
			return List.copyOf(acks);
		}

		private void user(String citizen, int offset, long period, int users) {
			Step[] steps = Step.values();
			long next = System.currentTimeMillis() + offset * period / users;
			String last = null;
			for (int i = offset; running; i++) {
				sleepUntil(next);
				next = Math.max(next + period, System.currentTimeMillis());
				Step step = steps[i % steps.length];
				if (step == Step.READ && last == null) {
					step = Step.CATALOGUE;
				}
				String id = request(step, citizen, last);
				last = id != null ? id : last;
			}
		}

		/** One step; the id of the application it acknowledged, if it did. */
		private String request(Step step, String citizen, String application) {
			HttpRequest.Builder request = switch (step) {
				case SUBMIT -> HttpRequest.newBuilder(URI.create(GATEWAY + "/api/eservices/applications"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"serviceCode":"moi-vehicle-registration-renewal","submit":true,
							 "formData":{"plateNumber":"123456","insurancePolicy":"QIC-CHAOS-1"}}"""));
				case CATALOGUE -> HttpRequest.newBuilder(URI.create(GATEWAY + "/api/eservices/services?q=vehicle"));
				case READ -> HttpRequest.newBuilder(URI.create(GATEWAY + "/api/eservices/applications/" + application));
				case POLLS -> HttpRequest.newBuilder(URI.create(GATEWAY + "/api/participation/polls"));
				case NOTICES -> HttpRequest.newBuilder(URI.create(GATEWAY + "/api/notifications/me/notices?size=5"));
				case DATASETS -> HttpRequest.newBuilder(URI.create(GATEWAY + "/api/opendata/api/3/action/package_search?q=health"));
			};
			boolean signedIn = step == Step.SUBMIT || step == Step.READ || step == Step.NOTICES;
			long at = System.currentTimeMillis();
			try {
				if (signedIn) {
					request.header("Authorization", "Bearer " + tokens.get(citizen));
				}
				HttpResponse<String> response = HTTP.send(request.timeout(CALL_TIMEOUT).header("Accept", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				boolean ok = response.statusCode() == step.expected;
				String id = null;
				if (ok && step == Step.SUBMIT) {
					id = JSON.readTree(response.body()).get("id").asString();
					acks.add(new Ack(id, citizen, at));
				}
				calls.add(new Call(at, System.currentTimeMillis() - at, step.route, response.statusCode(), ok ? null : "",
						ok ? "" : problem(response.body())));
				return id;
			}
			catch (Exception ex) {
				calls.add(new Call(at, System.currentTimeMillis() - at, step.route, -1, exception(ex), ""));
				return null;
			}
		}

		@Override
		public void close() {
			running = false;
			try {
				for (Thread user : users) {
					user.join(CALL_TIMEOUT.toMillis() + 5000);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** The citizens' access tokens: a password grant each, renewed when less than a minute is left. */
	static final class Tokens {

		record Issued(String token, long expiresAt) {
		}

		private final Map<String, Issued> issued = new ConcurrentHashMap<>();

		private final Map<String, Long> tried = new ConcurrentHashMap<>();

		/** A grant for each citizen now (before a fault, so that the tokens outlive it). */
		void renewAll() {
			CITIZENS.forEach(citizen -> issued.put(citizen, grant(citizen)));
		}

		/** The citizen's token, renewed when it has less than a minute left, tried at most every 5 s while Keycloak fails. */
		String get(String citizen) {
			Issued current = issued.get(citizen);
			long now = System.currentTimeMillis();
			if (current == null || current.expiresAt() - now < 60_000 && now - tried.getOrDefault(citizen, 0L) > 5000) {
				tried.put(citizen, now);
				try {
					current = grant(citizen);
					issued.put(citizen, current);
				}
				catch (RuntimeException ex) {
					if (current == null) {
						throw ex;
					}
				}
			}
			return current.token();
		}

		/** The password grant of the realm's CLI client, as ./bawaba token does (the demo citizens have no second factor). */
		static Issued grant(String username) {
			String form = "client_id=bawaba-cli&grant_type=password&scope=openid&username=" + encode(username)
					+ "&password=demo";
			try {
				HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(REALM + "/protocol/openid-connect/token"))
					.timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException("no token for " + username + ": " + response.statusCode() + " " + response.body());
				}
				JsonNode body = JSON.readTree(response.body());
				return new Issued(body.get("access_token").asString(),
						System.currentTimeMillis() + body.get("expires_in").asLong() * 1000);
			}
			catch (IOException ex) {
				throw new IllegalStateException("no token for " + username + ": " + ex, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/** What the check after a scenario found. noticedAt: when each acknowledged application's notice was made. */
	record Verdict(int lostWrites, int events, int lostEvents, int duplicates, Map<String, Long> noticedAt,
			List<String> failures, List<String> observations) {
	}

	static final class Verifier {

		/**
		 * Every acknowledged application still readable by its citizen (else a lost write); its submitted event on
		 * the topic since the scenario began; exactly one "application submitted" notice for it in the citizen's
		 * inbox (the notice links to /applications/{id}) by the end of the drain (none: a lost event; more: a
		 * duplicate notice).
		 */
		static Verdict verify(Tokens tokens, List<Ack> acks, long since, Map<TopicPartition, Long> offsets, Duration drain) {
			List<String> failures = new ArrayList<>();
			List<String> observations = new ArrayList<>();
			long deadline = System.currentTimeMillis() + drain.toMillis();
			List<String> lost = new ArrayList<>();
			for (Ack ack : acks) {
				Probe read = await(() -> probe(GATEWAY + "/api/eservices/applications/" + ack.id(), "application/json",
						tokens.get(ack.citizen())), probe -> probe.status() == 200 || probe.status() == 404,
						Duration.ofSeconds(15));
				if (read.status() != 200) {
					lost.add(ack.id() + " (" + ack.citizen() + "): " + read.outcome());
				}
			}
			if (!lost.isEmpty()) {
				failures.add(lost.size() + " acknowledged applications cannot be read back: " + summarize(lost));
			}
			Map<String, List<JsonNode>> notices = Map.of();
			while (true) {
				notices = notices(tokens, acks, since);
				Map<String, List<JsonNode>> found = notices;
				if (acks.stream().allMatch(ack -> found.containsKey(ack.id())) || System.currentTimeMillis() > deadline) {
					break;
				}
				pause(2);
			}
			// a duplicate may come right after the first
			pause(5);
			notices = notices(tokens, acks, since);
			Map<String, Long> noticedAt = new HashMap<>();
			List<String> missing = new ArrayList<>();
			List<String> duplicated = new ArrayList<>();
			for (Ack ack : acks) {
				List<JsonNode> of = notices.getOrDefault(ack.id(), List.of());
				if (of.isEmpty()) {
					missing.add(ack.id() + " (" + ack.citizen() + ")");
				}
				else {
					noticedAt.put(ack.id(), of.stream().mapToLong(n -> Instant.parse(n.get("createdAt").asString()).toEpochMilli())
						.min().getAsLong());
					if (of.size() > 1) {
						duplicated.add(ack.id() + " x" + of.size());
					}
				}
			}
			if (!missing.isEmpty()) {
				failures.add(missing.size() + " acknowledged applications have no notice after the drain: " + summarize(missing));
			}
			if (!duplicated.isEmpty()) {
				failures.add(duplicated.size() + " applications have more than one notice: " + summarize(duplicated));
			}
			int events = -1;
			Map<String, Integer> published = Events.count(offsets);
			if (published != null) {
				events = (int) acks.stream().filter(ack -> published.containsKey(ack.id())).count();
				long twice = published.values().stream().filter(count -> count > 1).count();
				List<String> unpublished = acks.stream().map(Ack::id).filter(id -> !published.containsKey(id)).toList();
				if (!unpublished.isEmpty()) {
					observations.add(unpublished.size() + " acknowledged applications have no submitted event on "
							+ APPLICATIONS_TOPIC + ": " + summarize(unpublished));
				}
				if (twice > 0) {
					observations.add(twice + " submitted events were published more than once (at-least-once delivery)");
				}
			}
			else {
				observations.add("events: Kafka's operator listener could not be read; events=? (acknowledged = events expected)");
			}
			return new Verdict(lost.size(), events, missing.size(), duplicated.size(), noticedAt, failures, observations);
		}

		/** Each citizen's "application submitted" notices made since the scenario began, by application id. */
		static Map<String, List<JsonNode>> notices(Tokens tokens, List<Ack> acks, long since) {
			Map<String, List<JsonNode>> byApplication = new HashMap<>();
			for (String citizen : acks.stream().map(Ack::citizen).distinct().toList()) {
				for (int page = 0; page < 100; page++) {
					String url = GATEWAY + "/api/notifications/me/notices?size=100&page=" + page;
					Probe inbox = await(() -> probe(url,
							"application/json", tokens.get(citizen)), probe -> probe.status() == 200, Duration.ofSeconds(15));
					if (inbox.status() != 200) {
						break;
					}
					JsonNode items = JSON.readTree(inbox.body()).get("items");
					boolean older = false;
					for (JsonNode item : items) {
						String link = item.path("link").asString("");
						if (SUBMITTED.equals(item.path("type").asString()) && link.startsWith("/applications/")) {
							byApplication.computeIfAbsent(link.substring("/applications/".length()), _ -> new ArrayList<>())
								.add(item);
						}
						older |= Instant.parse(item.get("updatedAt").asString()).toEpochMilli() < since - 120_000;
					}
					if (items.size() < 100 || older) {
						break;
					}
				}
			}
			return byApplication;
		}

	}

	/**
	 * The submitted events on the applications topic, read as the broker's operator (its own SASL PLAIN listener,
	 * as the e2e tests do): the topic's end offsets when a scenario begins, and then what was published since.
	 */
	static final class Events {

		static Map<TopicPartition, Long> mark() {
			try (KafkaConsumer<String, byte[]> consumer = consumer()) {
				List<TopicPartition> partitions = consumer.partitionsFor(APPLICATIONS_TOPIC, Duration.ofSeconds(10)).stream()
					.map(info -> new TopicPartition(info.topic(), info.partition())).toList();
				return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
			}
			catch (RuntimeException ex) {
				log("the applications topic's offsets could not be read: " + ex);
				return null;
			}
		}

		/** How many submitted events each application has since {@code from}; null when Kafka cannot be read. */
		static Map<String, Integer> count(Map<TopicPartition, Long> from) {
			if (from == null) {
				return null;
			}
			Map<String, Integer> counts = new HashMap<>();
			try (KafkaConsumer<String, byte[]> consumer = consumer()) {
				consumer.assign(from.keySet());
				from.forEach(consumer::seek);
				Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet(), Duration.ofSeconds(10));
				long deadline = System.currentTimeMillis() + 60_000;
				while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
					if (System.currentTimeMillis() > deadline) {
						log("the applications topic was not read to its end within 60 s");
						return null;
					}
					for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
						Header type = record.headers().lastHeader("ce_type");
						if (type != null && SUBMITTED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
							JsonNode data = JSON.readTree(record.value());
							counts.merge(data.path("applicationId").asString(record.key()), 1, Integer::sum);
						}
					}
				}
				return counts;
			}
			catch (RuntimeException ex) {
				log("the applications topic could not be read: " + ex);
				return null;
			}
		}

		static KafkaConsumer<String, byte[]> consumer() {
			List<String> bootstrap = new ArrayList<>();
			for (String node : kafkaNodes()) {
				int k = node.contains("@") ? Integer.parseInt(node.substring(node.indexOf('@') + 1)) : 1;
				bootstrap.add("localhost:" + (9094 + 10000 * (k - 1)));
			}
			Map<String, Object> config = new HashMap<>();
			config.put("bootstrap.servers", String.join(",", bootstrap));
			config.put("security.protocol", "SASL_PLAINTEXT");
			config.put("sasl.mechanism", "PLAIN");
			config.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" "
					+ "password=\"" + secret("KAFKA_BROKER_PASSWORD") + "\";");
			config.put("enable.auto.commit", "false");
			config.put("default.api.timeout.ms", "10000");
			config.put("request.timeout.ms", "10000");
			return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		}

	}

	/** One request outside the load (a probe of a route, a page, a command's exit as its status). */
	record Probe(long at, long millis, int status, String contentType, String body) {

		String outcome() {
			return status > 0 ? String.valueOf(status) : body;
		}

		boolean arabic() {
			return ARABIC.matcher(body).find();
		}

		boolean english() {
			return ENGLISH.matcher(body).find();
		}

		String summary() {
			return (status > 0 ? status + " " + contentType + " in " + millis + " ms" : body)
					+ (contentType.startsWith("text/html") ? " (Arabic " + arabic() + ", English " + english() + ")" : "");
		}

	}

	static Probe probe(String url, String accept, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT).header("Accept", accept);
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		long at = System.currentTimeMillis();
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Probe(at, System.currentTimeMillis() - at, response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body());
		}
		catch (Exception ex) {
			return new Probe(at, System.currentTimeMillis() - at, -1, "", exception(ex));
		}
	}

	/**
	 * What a browser sees when it signs in: the gateway's sign-in address, then wherever its redirects lead (the
	 * sign-on's page), followed by hand up to five times; the last answer, or the failure to get one.
	 */
	static Probe browserSignIn() {
		String url = GATEWAY + "/oauth2/authorization/keycloak";
		Probe last = null;
		List<String> hops = new ArrayList<>();
		for (int hop = 0; hop < 5; hop++) {
			last = probe(url, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", null);
			hops.add(url.replaceAll("\\?.*", "?…") + " -> " + last.outcome());
			if (last.status() / 100 != 3) {
				break;
			}
			String location = locationOf(url);
			if (location == null) {
				break;
			}
			url = URI.create(url).resolve(location).toString();
		}
		log("browser sign-in: " + String.join(" | ", hops));
		return new Probe(last.at(), last.millis(), last.status(), last.contentType(),
				last.status() > 0 ? last.body() : String.join(" | ", hops));
	}

	static String locationOf(String url) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElse(null);
		}
		catch (Exception ex) {
			return null;
		}
	}

	/** The requests whose behaviour depends on Redis: the API's rate limits, and browsers' sessions. */
	static Map<String, Probe> redisProbes(Tokens tokens) {
		Map<String, Probe> probes = new LinkedHashMap<>();
		probes.put("anonymous API", probe(GATEWAY + "/api/eservices/services?q=vehicle", "application/json", null));
		probes.put("bearer API", probe(GATEWAY + "/api/notifications/me/notices?size=1", "application/json",
				tokens.get("citizen1")));
		probes.put("browser page", probe(GATEWAY + "/", "text/html", null));
		probes.put("browser sign-in", probe(GATEWAY + "/oauth2/authorization/keycloak", "text/html", null));
		return probes;
	}

	static String openOrClosed(Map<String, Map<String, Integer>> seen, String what) {
		Map<String, Integer> outcomes = seen.getOrDefault(what, Map.of());
		boolean open = !outcomes.isEmpty() && outcomes.keySet().stream().allMatch(outcome -> outcome.matches("[23]\\d\\d"));
		return (open ? "fail-open" : "fail-closed") + "(" + String.join(",", outcomes.keySet()).replace(' ', '_') + ")";
	}

	/**
	 * Seconds from {@code from} until the first success of the affected routes after their last failure in
	 * [from, to]; 0 when none failed then, NaN when none succeeded after the last failure.
	 */
	static double recovery(List<Call> calls, long from, long to, Predicate<Call> affected) {
		List<Call> relevant = calls.stream().filter(affected).filter(call -> call.end() >= from && call.at() <= to).toList();
		long lastFailure = relevant.stream().filter(Call::failed).mapToLong(Call::end).max().orElse(-1);
		if (lastFailure < 0) {
			return 0;
		}
		return calls.stream().filter(affected).filter(call -> !call.failed() && call.at() >= lastFailure)
			.mapToLong(Call::end).min().stream().mapToDouble(end -> Math.max(0, end - from) / 1000.0).findFirst()
			.orElse(Double.NaN);
	}

	/** Failed requests grouped by route and outcome, each group with when it happened and what was going on. */
	static String describe(List<Call> failed, List<Window> windows) {
		Map<String, List<Call>> groups = failed.stream()
			.collect(Collectors.groupingBy(call -> call.route() + " " + call.outcome(), TreeMap::new, Collectors.toList()));
		return groups.entrySet().stream().map(group -> {
			List<Call> calls = group.getValue();
			String during = calls.stream().map(call -> windows.stream().filter(w -> w.overlaps(call)).map(Window::what)
				.findFirst().orElse("no fault")).distinct().collect(Collectors.joining(", "));
			String detail = calls.stream().map(Call::detail).filter(d -> !d.isEmpty()).findFirst().map(d -> " \"" + d + "\"")
				.orElse("");
			return "%s x%d at %s (during: %s)%s".formatted(group.getKey(), calls.size(),
					calls.stream().map(call -> Instant.ofEpochMilli(call.at()).toString().substring(11, 23)).limit(4)
						.collect(Collectors.joining(",")) + (calls.size() > 4 ? ",…" : ""), during, detail);
		}).collect(Collectors.joining("; "));
	}

	static String summarize(List<String> items) {
		Map<String, Long> counted = items.stream().collect(Collectors.groupingBy(item -> item, LinkedHashMap::new,
				Collectors.counting()));
		return counted.entrySet().stream().limit(6).map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
			.collect(Collectors.joining("; ")) + (counted.size() > 6 ? "; …" : "");
	}

	/** The problem's title and detail, or the start of whatever the body is. */
	static String problem(String body) {
		try {
			JsonNode problem = JSON.readTree(body);
			if (problem.has("title")) {
				return problem.path("title").asString() + ": " + problem.path("detail").asString("");
			}
		}
		catch (RuntimeException notJson) {
			// shown as it is
		}
		String flat = body.replaceAll("\\s+", " ");
		return flat.substring(0, Math.min(120, flat.length()));
	}

	static String exception(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = ex.getMessage() == null ? "" : ": " + ex.getMessage();
		return ex.getClass().getSimpleName() + message + (root == ex ? "" : " (" + root.getClass().getSimpleName() + ")");
	}

	static <T> T await(java.util.function.Supplier<T> call, Predicate<T> done, Duration timeout) {
		long deadline = System.currentTimeMillis() + timeout.toMillis();
		T result = call.get();
		while (!done.test(result) && System.currentTimeMillis() < deadline) {
			sleepUntil(System.currentTimeMillis() + 500);
			result = call.get();
		}
		return result;
	}

	static boolean awaitSuiteReady(Duration timeout) throws Exception {
		long deadline = System.currentTimeMillis() + timeout.toMillis();
		boolean first = true;
		while (true) {
			boolean ready;
			try {
				command(Duration.ofSeconds(60), ROOT.resolve("bawaba").toString(), "status");
				ready = true;
			}
			catch (IllegalStateException notReady) {
				ready = false;
			}
			if (ready && redisPong()) {
				return true;
			}
			if (System.currentTimeMillis() > deadline) {
				return false;
			}
			if (first) {
				System.out.println("waiting for every component to be ready (./bawaba status) and Redis to answer…");
				first = false;
			}
			pause(5);
		}
	}

	static boolean redisPong() {
		try {
			return command(Duration.ofSeconds(5), "redis-cli", "-p", "6379", "ping").trim().equals("PONG");
		}
		catch (Exception ex) {
			return false;
		}
	}

	static Probe pgReady() {
		try {
			command(Duration.ofSeconds(5), "pg_isready", "-h", "127.0.0.1", "-p", "5432");
			return new Probe(System.currentTimeMillis(), 0, 0, "", "");
		}
		catch (Exception ex) {
			return new Probe(System.currentTimeMillis(), 0, -1, "", ex.toString());
		}
	}

	/** A command started, its output going to a file of its own. */
	record Running(Process process, Path output, String what) {
	}

	/** Runs a command and waits for it; its output, or an exception if it failed or overran. */
	static String command(Duration timeout, String... command) throws Exception {
		return finish(start(command), timeout);
	}

	static Running start(String... command) throws IOException {
		Path output = Files.createTempFile("bawaba-chaos-", ".out");
		Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
			.redirectOutput(output.toFile()).start();
		return new Running(process, output, String.join(" ", command));
	}

	/** Waits for a command; its output (also appended to the log), or an exception if it failed or overran. */
	static String finish(Running running, Duration timeout) throws Exception {
		try {
			boolean done = running.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!done) {
				running.process().destroyForcibly();
			}
			String output = Files.readString(running.output());
			log("$ " + running.what() + System.lineSeparator() + output);
			if (!done) {
				throw new IllegalStateException(running.what() + " did not finish within " + timeout.toSeconds() + " s; see " + LOG);
			}
			if (running.process().exitValue() != 0) {
				throw new IllegalStateException(running.what() + " failed (exit " + running.process().exitValue() + "): "
						+ tail(output) + "; see " + LOG);
			}
			return output;
		}
		finally {
			Files.deleteIfExists(running.output());
		}
	}

	static String tail(String output) {
		List<String> lines = output.strip().lines().toList();
		return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
	}

	/** The pid of a component's session leader, whose process group is the whole component. */
	static long pid(String component) throws IOException {
		return Long.parseLong(Files.readString(RUNTIME.resolve("run/" + component + ".pid")).trim());
	}

	/** The launcher's names of a service's instances: eservices, eservices@2, … (run/replicas). */
	static List<String> instances(String service) {
		int replicas = Integer.parseInt(read(RUNTIME.resolve("run/replicas"), "1").trim());
		List<String> names = new ArrayList<>(List.of(service));
		for (int k = 2; k <= replicas; k++) {
			names.add(service + "@" + k);
		}
		return names;
	}

	static List<String> kafkaNodes() {
		int brokers = Integer.parseInt(read(RUNTIME.resolve("run/kafka-brokers"), "1").trim());
		List<String> names = new ArrayList<>(List.of("kafka"));
		for (int k = 2; k <= brokers; k++) {
			names.add("kafka@" + k);
		}
		return names;
	}

	/** The services of deploy/local/services.conf, the gateway among them. */
	static List<String> services() throws IOException {
		return Files.readAllLines(ROOT.resolve("deploy/local/services.conf")).stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.trim().split("\\s+")[0]).toList();
	}

	static String secret(String name) {
		return read(RUNTIME.resolve("secrets.env"), "").lines().filter(line -> line.startsWith(name + "="))
			.map(line -> line.substring(name.length() + 1)).findFirst()
			.orElseThrow(() -> new IllegalStateException("no secret " + name + " in " + RUNTIME.resolve("secrets.env")));
	}

	static String read(Path file, String fallback) {
		try {
			return Files.exists(file) ? Files.readString(file) : fallback;
		}
		catch (IOException ex) {
			return fallback;
		}
	}

	static synchronized void log(String line) {
		try {
			Files.writeString(LOG, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			System.err.println("cannot write " + LOG + ": " + ex);
		}
	}

	static double max(Collection<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).reduce(0, (a, b) -> Double.isNaN(a) || Double.isNaN(b)
				? Double.NaN : Math.max(a, b));
	}

	static void pause(long seconds) {
		sleepUntil(System.currentTimeMillis() + seconds * 1000);
	}

	static void sleepUntil(long epochMillis) {
		try {
			Thread.sleep(Math.max(0, epochMillis - System.currentTimeMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
