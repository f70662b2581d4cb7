import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.yaml.snakeyaml.Yaml;

/**
 * Publish -> inbox-visible latency of the notifications service at a fixed event rate, with the bare
 * Kafka publish -> consume latency of the same broker, producer settings and rate as the baseline, and
 * what Kafka's authentication adds to both (issue 17). Run by deploy/bench/notifications.sh.
 * <p>
 * One measurement (a "leg") has its own fresh broker, fresh database and fresh service process: the
 * baseline first, then "application submitted" events for RECIPIENTS citizens, each with a live stream
 * open; "visible" is the notice arriving on the recipient's stream (GET /me/stream), which the service
 * pushes right after the notice's transaction committed, i.e. when GET /me/notices first shows it. A leg
 * also times the service's start (to readiness, and to its consumers holding the applications topic's
 * partitions) and fresh producers' first acknowledged record (connection, and with authentication the
 * token and the SASL handshake). KAFKA_AUTH chooses the legs:
 * <ul>
 * <li>{@code off}: Kafka without authentication, on an embedded KRaft broker in this JVM (3 partitions,
 * topics created on first use), as the bench was before issue 17;
 * <li>{@code on}: Kafka as the platform runs it: a {@code kafka.Kafka} process configured from
 * deploy/local/kafka/server.properties.template (SASL OAUTHBEARER on the client listener with tokens
 * checked against this bench's JWKS, principal = the token's azp; StandardAuthorizer with the ACLs of
 * users.yaml; the topics of topics.yaml), every client signing in with its own client credentials at this
 * bench's token endpoint: the service as {@code notifications}, the events' producer as {@code eservices},
 * the baseline as {@code bench};
 * <li>{@code both} (default): {@code off}, then {@code on}, then both sets of figures side by side with the
 * ratios authenticated/plain.
 * </ul>
 * With PLAIN_BROKER=process the unauthenticated leg runs on the same kind of broker as the authenticated
 * one (a kafka.Kafka process from the same template, the same topics) with every listener PLAINTEXT and no
 * authorizer: the control in which authentication is the only difference.
 * <p>
 * The bench stands in for Keycloak's realm: one HTTP server with the realm's keys (JWKS: the service checks
 * people's tokens with it, the broker Kafka clients' tokens) and its token endpoint (client credentials);
 * and for the e-services catalogue, which the service asks for the names it puts in its notices.
 */
class NotificationsBench {

	static final HttpClient HTTP = HttpClient.newHttpClient();

	/** Kafka 4 fetches OAuth keys and tokens only from the URLs this system property lists. */
	static final String ALLOWED_URLS = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

	static final String APPLICATIONS = "bawaba.eservices.applications";

	/** The Kafka principals (Keycloak clients) of the service, of the events' producer and of the baseline. */
	static final String SERVICE = "notifications", PUBLISHER = "eservices", BENCH = "bench";

	/** Fresh producers timed per leg: the first is the coldest (class loading), the others show the steady cost. */
	static final int FIRST_SENDS = 6;

	/** How long the service may take to start. */
	static final Duration STARTUP = Duration.ofMinutes(10);

	/** How to stop what runs now (brokers, the service): at the end of a leg, or in the shutdown hook on Ctrl-C. */
	static final Deque<AutoCloseable> RUNNING = new ConcurrentLinkedDeque<>();

	record Settings(Path jar, int rate, int seconds, int warmup, int recipients, String port, String log,
			boolean processPlain) {
	}

	/** What the notices part of a leg measured. */
	record Notices(long[] latencies, int published, double elapsed, String unread) {
	}

	/** What a leg measured; times in nanoseconds, -1 for one that did not happen. */
	record Leg(String name, String broker, String load, String loadAfter, int partitions, long[] baseline,
			Notices notices, long readiness, long consuming, long[] firstSends, int tokens) {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		// Kafka warns at every login that a 300 s token (Keycloak's default lifespan) leaves no room for its
		// default 300 s refresh buffer, and refreshes at ~80 % of the lifetime instead: not news in the bench
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("org.apache.kafka.common.security.oauthbearer.internals.expiring.ExpiringCredentialRefreshingLogin"))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		String mode = env("KAFKA_AUTH", "both");
		if (!List.of("both", "off", "on").contains(mode)) {
			System.err.println("KAFKA_AUTH is both, off or on, not " + mode);
			System.exit(2);
		}
		Settings settings = new Settings(Path.of(args[0]), Integer.parseInt(env("RATE", "1000")),
				Integer.parseInt(env("SECONDS", "20")), Integer.parseInt(env("WARMUP", "10")),
				Integer.parseInt(env("RECIPIENTS", "100")), env("PORT", ""), env("LOG", "/tmp/bench-notifications.log"),
				"process".equals(env("PLAIN_BROKER", "embedded")));
		Realm realm = Realm.start(List.of(SERVICE, PUBLISHER, BENCH));
		HttpServer catalogue = startCatalogue();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopAll();
			realm.close();
			catalogue.stop(0);
		}));
		// this JVM's own Kafka clients fetch tokens too
		System.setProperty(ALLOWED_URLS, realm.allowedUrls());
		try {
			List<Leg> legs = new ArrayList<>();
			if (!mode.equals("on")) {
				legs.add(leg(settings, realm, catalogue, false));
			}
			if (!mode.equals("off")) {
				legs.add(leg(settings, realm, catalogue, true));
			}
			if (legs.size() == 2) {
				compare(legs.get(0), legs.get(1), settings);
			}
		}
		catch (Exception ex) {
			ex.printStackTrace();
			// (the realm's HTTP server thread would keep the JVM alive)
			System.exit(1);
		}
		System.exit(0);
	}


	/** One measurement, against a fresh broker, database and service process, all stopped at its end. */
	static Leg leg(Settings settings, Realm realm, HttpServer catalogue, boolean authenticated) throws Exception {
		String name = authenticated ? "auth" : "plain";
		String load = loadAverage();
		int tokensBefore = realm.tokensIssued();
		try {
			Broker broker = authenticated || settings.processPlain()
					? startKafkaProcess(realm, authenticated, logFile(settings, "kafka-" + name))
					: startEmbeddedBroker();
			System.out.printf("%n== %s: %s; load average %s ==%n", name, broker.description(), load);
			freshDatabase();
			int port = servicePort(settings);
			long started = System.nanoTime();
			Process service = startService(settings, broker, realm, catalogue, port, logFile(settings, name));
			// its consumers join the group while the service gets ready
			CompletableFuture<Long> consuming = new CompletableFuture<>();
			Thread.ofVirtual().start(() -> consuming.complete(untilConsuming(broker, service, started)));
			String base = "http://127.0.0.1:" + port;
			long readiness = untilReady(base, service) - started;
			long consumingAfter = consuming.get(STARTUP.toMinutes() + 1, TimeUnit.MINUTES);
			// the embedded broker makes it with 3 partitions on first use, topics.yaml declares 6
			int partitions = broker.admin().describeTopics(List.of(APPLICATIONS)).allTopicNames().get()
				.get(APPLICATIONS).partitions().size();
			System.out.printf("service on port %d: ready after %.1f s, consuming %s (%d partitions) after %s%n", port,
					readiness / 1e9, APPLICATIONS, partitions,
					consumingAfter < 0 ? "never" : String.format("%.1f s", consumingAfter / 1e9));
			long[] firstSends = firstSends(broker, realm);
			try (KafkaProducer<String, byte[]> bench = producer(broker, realm, BENCH);
					KafkaProducer<String, byte[]> eservices = producer(broker, realm, PUBLISHER)) {
				long[] baseline = baseline(broker, realm, bench, settings.rate(), settings.seconds());
				Notices notices = notices(settings, realm, base, eservices);
				Leg leg = new Leg(name, broker.description(), load, loadAverage(), partitions, baseline, notices,
						readiness, consumingAfter, firstSends, realm.tokensIssued() - tokensBefore);
				print(leg);
				return leg;
			}
		}
		finally {
			stopAll();
		}
	}

	static Process startService(Settings settings, Broker broker, Realm realm, HttpServer catalogue, int port, Path log)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(java(), "-Xms256m", "-Xmx512m"));
		if (broker.authenticated()) {
			command.add("-D" + ALLOWED_URLS + "=" + realm.allowedUrls());
		}
		command.addAll(List.of("-jar", settings.jar().toString(), "--server.port=" + port,
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
				"--spring.kafka.bootstrap-servers=" + broker.bootstrap(), "--bawaba.security.issuer-uri=" + realm.issuer(),
				"--eureka.client.enabled=false", "--spring.cloud.service-registry.auto-registration.enabled=false",
				// no registry: "eservices" is the catalogue's stand-in
				"--spring.cloud.discovery.client.simple.instances.eservices[0].uri=http://127.0.0.1:"
						+ catalogue.getAddress().getPort(),
				"--notifications.keycloak.client-secret=", "--spring.mail.host=", "--logging.level.root=WARN"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		if (broker.authenticated()) {
			// the Kafka settings the launcher gives every service (deploy/local/launcher.sh, platform_env)
			builder.environment().putAll(realm.springKafkaEnvironment(SERVICE));
		}
		Process service = builder.start();
		onStop(() -> stop(service));
		return service;
	}

	/**
	 * When the service answers ready, in {@link System#nanoTime()}. (Ten minutes at most: on the shared
	 * machine, while a whole local run starts next to the bench, a service took over four.)
	 */
	static long untilReady(String base, Process service) throws InterruptedException {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!ready(base)) {
			if (System.nanoTime() > deadline || !service.isAlive()) {
				throw new IllegalStateException("the service did not become ready; see its log");
			}
			Thread.sleep(100);
		}
		return System.nanoTime();
	}

	static boolean ready(String base) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Nanoseconds from {@code started} until the service's group is stable with the applications topic's
	 * partitions assigned (readiness does not wait for Kafka): with authentication, its consumers have fetched
	 * their token and signed in by then. -1 if that did not happen in time.
	 */
	static long untilConsuming(Broker broker, Process service, long started) {
		long deadline = started + STARTUP.toNanos();
		while (System.nanoTime() < deadline && service.isAlive()) {
			try {
				ConsumerGroupDescription group = broker.admin().describeConsumerGroups(List.of(SERVICE)).all()
					.get(10, TimeUnit.SECONDS).get(SERVICE);
				if (group.groupState() == GroupState.STABLE && group.members().stream()
					.flatMap(member -> member.assignment().topicPartitions().stream())
					.anyMatch(partition -> partition.topic().equals(APPLICATIONS))) {
					return System.nanoTime() - started;
				}
			}
			catch (Exception ex) {
				// not yet
			}
			LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
		}
		return -1;
	}

	/**
	 * Times fresh producers (principal bench), one after the other, from their creation to their first
	 * acknowledged record: bootstrap, metadata and the leader's connection, and with authentication a token
	 * from the token endpoint and a SASL handshake per connection. Each is closed before the next is made: Kafka
	 * shares one login (and token) between a JVM's clients with the same credentials while any is open.
	 */
	static long[] firstSends(Broker broker, Realm realm) throws Exception {
		String topic = "bench.first-send." + UUID.randomUUID();
		createTopic(broker, topic);
		long[] times = new long[FIRST_SENDS];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			try (KafkaProducer<String, byte[]> producer = producer(broker, realm, BENCH)) {
				producer.send(new ProducerRecord<>(topic, "first", new byte[0])).get();
				times[i] = System.nanoTime() - start;
			}
		}
		System.out.printf("fresh producers -> first acknowledged record: %s ms%n", Arrays.stream(times)
			.mapToObj(time -> String.format("%.1f", time / 1e6)).toList());
		return times;
	}


	static long[] baseline(Broker broker, Realm realm, KafkaProducer<String, byte[]> producer, int rate, int seconds)
			throws Exception {
		String topic = "bench.baseline." + UUID.randomUUID();
		createTopic(broker, topic);
		Map<String, Object> config = client(broker, realm, BENCH, Map.of(ConsumerConfig.GROUP_ID_CONFIG,
				"bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
		AtomicBoolean assigned = new AtomicBoolean(false);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		producer.send(new ProducerRecord<>(topic, "warm", new byte[0])).get();
		Thread consumer = Thread.ofPlatform().start(() -> {
			try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
					new ByteArrayDeserializer())) {
				kafka.subscribe(List.of(topic));
				while (running.get()) {
					kafka.poll(Duration.ofMillis(100)).forEach(record -> {
						if (record.value().length == 0) {
							assigned.set(true);
						}
						if (record.value().length == 8) {
							latencies.add(System.nanoTime() - new BigInteger(record.value()).longValue());
						}
					});
				}
			}
		});
		while (!assigned.get()) {
			Thread.sleep(50);
		}
		System.out.printf("baseline: %d s at %d events/s, bare Kafka%n", seconds, rate);
		long start = System.nanoTime();
		long total = (long) rate * seconds;
		for (long i = 0; i < total; i++) {
			pace(start, i, rate);
			byte[] sent = java.nio.ByteBuffer.allocate(8).putLong(System.nanoTime()).array();
			producer.send(new ProducerRecord<>(topic, String.valueOf(i % 64), sent));
		}
		long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (latencies.size() < total && System.nanoTime() < waitUntil) {
			Thread.sleep(50);
		}
		running.set(false);
		consumer.join();
		return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	/** Warm-up, then the measured events; each notice's latency from its event's send to its stream. */
	static Notices notices(Settings settings, Realm realm, String base, KafkaProducer<String, byte[]> producer)
			throws Exception {
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicBoolean measuring = new AtomicBoolean(false);
		List<String> people = openStreams(realm, base, settings.recipients(), sentAt, latencies, measuring);
		System.out.printf("warm-up: %d s at %d events/s to %d recipients%n", settings.warmup(), settings.rate(),
				settings.recipients());
		publish(producer, settings.rate(), settings.warmup(), people, sentAt);
		Thread.sleep(3000);
		sentAt.clear();
		measuring.set(true);
		System.out.printf("measuring: %d s at %d events/s%n", settings.seconds(), settings.rate());
		long start = System.nanoTime();
		int published = publish(producer, settings.rate(), settings.seconds(), people, sentAt);
		long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (latencies.size() < published && System.nanoTime() < waitUntil) {
			Thread.sleep(100);
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] measured = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		String unread = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/me/notices/unread-count"))
			.header("Authorization", "Bearer " + realm.personToken(people.get(0))).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		return new Notices(measured, published, elapsed, unread);
	}

	/** A notice's link to its application (/applications/{id}, /eservices/applications/{id} before 2026-12-07). */
	static final Pattern NOTICE_LINK = Pattern
		.compile("/applications/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	/** The recipients' live streams; each notice of an event in {@code sentAt} adds its latency while measuring. */
	static List<String> openStreams(Realm realm, String base, int recipients, Map<String, Long> sentAt,
			ConcurrentLinkedQueue<Long> latencies, AtomicBoolean measuring) throws Exception {
		List<String> people = new ArrayList<>();
		for (int i = 0; i < recipients; i++) {
			String sub = "bench-" + i;
			people.add(sub);
			HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/me/stream"))
				.header("Authorization", "Bearer " + realm.personToken(sub)).header("Accept", "text/event-stream").build(),
					HttpResponse.BodyHandlers.ofInputStream());
			Thread.ofVirtual().start(() -> {
				try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = in.readLine()) != null) {
						Matcher link = NOTICE_LINK.matcher(line);
						if (line.startsWith("data:") && link.find()) {
							long now = System.nanoTime();
							Long sent = sentAt.remove(link.group(1));
							if (sent != null && measuring.get()) {
								latencies.add(now - sent);
							}
						}
					}
				}
				catch (Exception ex) {
					// stream closed
				}
			});
		}
		return people;
	}

	static int publish(KafkaProducer<String, byte[]> producer, int rate, int seconds, List<String> people,
			Map<String, Long> sentAt) {
		long start = System.nanoTime();
		int total = rate * seconds;
		for (int i = 0; i < total; i++) {
			pace(start, i, rate);
			String application = UUID.randomUUID().toString();
			String data = "{\"applicationId\":\"" + application + "\",\"serviceCode\":\"moi-passport-renewal\","
					+ "\"agency\":\"moi\",\"citizenSubject\":\"" + people.get(i % people.size())
					+ "\",\"submittedAt\":\"" + Instant.now() + "\"}";
			CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
				.withSource(URI.create("/bawaba/eservices")).withType("org.bawaba.eservices.application.submitted.v1")
				.withSubject(application).withTime(OffsetDateTime.now()).withDataContentType("application/json")
				.withData(data.getBytes(StandardCharsets.UTF_8)).build();
			sentAt.put(application, System.nanoTime());
			producer.send(KafkaMessageFactory.createWriter(APPLICATIONS, application).writeBinary(event));
		}
		producer.flush();
		return total;
	}

	/** Sleeps until event {@code i} is due (the sender does not spin: the machine has 2 cores). */
	static void pace(long start, long i, int rate) {
		long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
		if (wait > 200_000) {
			LockSupport.parkNanos(wait);
		}
	}


	/** A leg's figures, as the bench printed them before issue 17, and its one-time costs. */
	static void print(Leg leg) {
		long[] baseline = leg.baseline();
		long[] measured = leg.notices().latencies();
		System.out.println();
		System.out.printf("%-44s %8s %10s %10s %10s%n", "", "events", "p50 ms", "p99 ms", "max ms");
		row("Kafka publish -> consume (baseline)", baseline);
		row("publish -> notice visible in the inbox", measured);
		System.out.printf("%nnotices seen: %d of %d published (%.0f/s until the last arrived); recipient 0's"
				+ " unread count now %s%n", measured.length, leg.notices().published(),
				measured.length / leg.notices().elapsed(), leg.notices().unread());
		if (baseline.length > 0 && measured.length > 0) {
			System.out.printf("ratio to the baseline: p50 x%.1f, p99 x%.1f%n",
					(double) pct(measured, 50) / Math.max(1, pct(baseline, 50)),
					(double) pct(measured, 99) / Math.max(1, pct(baseline, 99)));
		}
		System.out.printf("one-time: service start -> ready %.1f s, -> consuming %s; fresh producer -> first ack"
				+ " %.1f ms (first), %.1f ms (median of the next %d); tokens issued: %d%n", leg.readiness() / 1e9,
				leg.consuming() < 0 ? "never" : String.format("%.1f s", leg.consuming() / 1e9),
				leg.firstSends()[0] / 1e6, laterFirstSends(leg) / 1e6, FIRST_SENDS - 1, leg.tokens());
		System.out.printf("load average at the end: %s%n", leg.loadAfter());
	}

	/** The two legs side by side, with the ratios authenticated/plain. */
	static void compare(Leg plain, Leg auth, Settings settings) {
		System.out.printf("%n== Kafka authentication against none: %d events/s, %d s measured, %d recipients ==%n",
				settings.rate(), settings.seconds(), settings.recipients());
		System.out.printf("plain: %s%nauth:  %s%n%n", plain.broker(), auth.broker());
		System.out.printf("%-48s %14s %14s %11s%n", "", "plain", "auth", "auth/plain");
		compareRow("Kafka publish -> consume (baseline) p50 ms", pct(plain.baseline(), 50), pct(auth.baseline(), 50));
		compareRow("Kafka publish -> consume (baseline) p99 ms", pct(plain.baseline(), 99), pct(auth.baseline(), 99));
		compareRow("publish -> notice visible p50 ms", pct(plain.notices().latencies(), 50),
				pct(auth.notices().latencies(), 50));
		compareRow("publish -> notice visible p99 ms", pct(plain.notices().latencies(), 99),
				pct(auth.notices().latencies(), 99));
		System.out.printf("%-48s %14s %14s%n", "notices seen / published", seen(plain), seen(auth));
		System.out.printf("%-48s %14d %14d%n", "partitions of " + APPLICATIONS, plain.partitions(), auth.partitions());
		System.out.println("one-time costs");
		compareRow("  service start -> ready ms", plain.readiness(), auth.readiness());
		compareRow("  service start -> consuming (group stable) ms", plain.consuming(), auth.consuming());
		compareRow("  fresh producer -> first ack, first ms", plain.firstSends()[0], auth.firstSends()[0]);
		compareRow("  fresh producer -> first ack, median of " + (FIRST_SENDS - 1) + " ms", laterFirstSends(plain),
				laterFirstSends(auth));
		System.out.printf("%-48s %14d %14d%n", "tokens issued", plain.tokens(), auth.tokens());
		System.out.printf("%-48s %14s %14s%n", "load average (1 min), start -> end",
				plain.load().split(" ")[0] + " -> " + plain.loadAfter().split(" ")[0],
				auth.load().split(" ")[0] + " -> " + auth.loadAfter().split(" ")[0]);
	}

	static void compareRow(String name, long plain, long auth) {
		System.out.printf("%-48s %14s %14s %11s%n", name, ms(plain), ms(auth),
				plain > 0 && auth > 0 ? String.format("x%.2f", (double) auth / plain) : "-");
	}

	static String ms(long nanos) {
		return nanos < 0 ? "-" : String.format("%.1f", nanos / 1e6);
	}

	static String seen(Leg leg) {
		return leg.notices().latencies().length + "/" + leg.notices().published();
	}

	static long laterFirstSends(Leg leg) {
		long[] later = Arrays.copyOfRange(leg.firstSends(), 1, leg.firstSends().length);
		Arrays.sort(later);
		return later[later.length / 2];
	}

	static void row(String name, long[] sorted) {
		if (sorted.length == 0) {
			System.out.printf("%-44s %8d %10s %10s %10s%n", name, 0, "-", "-", "-");
			return;
		}
		System.out.printf("%-44s %8d %10.1f %10.1f %10.1f%n", name, sorted.length, pct(sorted, 50) / 1e6,
				pct(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
	}

	/** The percentile of sorted values; -1 if there are none. */
	static long pct(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return -1;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

	/** The machine is shared: figures of legs run under different loads do not compare well. */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}


	/** A leg's broker: where clients connect, whether they must sign in, and an admin client that may do anything. */
	interface Broker {

		String bootstrap();

		boolean authenticated();

		Admin admin();

		String description();

	}

	record EmbeddedBroker(String bootstrap, Admin admin) implements Broker {

		@Override
		public boolean authenticated() {
			return false;
		}

		@Override
		public String description() {
			return "embedded KRaft broker in the bench's JVM, no authentication";
		}

	}

	record ProcessBroker(String bootstrap, boolean authenticated, Admin admin, String description) implements Broker {
	}

	/** The broker the bench always had: in this JVM, no authentication, topics created on first use. */
	static Broker startEmbeddedBroker() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.afterPropertiesSet();
		onStop(broker::destroy);
		Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
		onStop(admin);
		return new EmbeddedBroker(broker.getBrokersAsString(), admin);
	}

	static final Path TEMPLATE = Path.of("deploy/local/kafka/server.properties.template");

	static final Path TOPICS = Path.of("deploy/kubernetes/base/kafka/topics.yaml");

	static final Path USERS = Path.of("deploy/kubernetes/base/kafka/users.yaml");

	static final String LOGBACK = """
			<configuration>
			  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
			    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
			  </appender>
			  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
			  <root level="WARN"><appender-ref ref="out"/></root>
			</configuration>
			""";

	/**
	 * A real broker in its own process, {@code kafka.Kafka} from the bench's classpath (Kafka's server classes
	 * are on it for the embedded broker), configured like the local run's from its template: with
	 * {@code authenticated}, no anonymous client (SASL OAUTHBEARER on CLIENT with the bench's realm, PLAIN as
	 * the super user "broker" between broker and controller, StandardAuthorizer with the ACLs of users.yaml and
	 * the bench's own); without, the same broker with PLAINTEXT listeners and no authorizer. The topics of
	 * topics.yaml are created in both, as the cluster's Topic Operator does (one replica here).
	 */
	static Broker startKafkaProcess(Realm realm, boolean authenticated, Path log) throws Exception {
		Path dir = Files.createTempDirectory("bench-kafka-");
		onStop(() -> deleteTree(dir));
		int client = freePort(), internal = freePort(), controller = freePort();
		String password = Realm.secret();
		Path config = privateFile(dir.resolve("server.properties"));
		try (Writer out = Files.newBufferedWriter(config)) {
			serverProperties(realm, dir.resolve("data"), client, internal, controller, password, authenticated)
				.store(out, "written by deploy/bench/NotificationsBench.java from " + TEMPLATE);
		}
		Path logback = Files.writeString(dir.resolve("logback.xml"), LOGBACK);
		// (an argument file: the classpath is some 30,000 characters)
		Path classpath = Files.writeString(dir.resolve("classpath"), "-cp " + System.getProperty("java.class.path"));
		List<String> jvm = List.of(java(), "@" + classpath, "-Dlogback.configurationFile=" + logback);
		Files.writeString(log, "");
		run(concat(jvm, "kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c",
				config.toString()), log, "formatting the broker's storage");
		Process process = new ProcessBuilder(concat(jvm, "-Xms256m", "-Xmx1g",
				"-D" + ALLOWED_URLS + "=" + realm.allowedUrls(), "kafka.Kafka", config.toString()))
			.redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
		onStop(() -> stop(process));
		untilListening(process, internal, log);
		Admin admin = Admin.create(superUser("localhost:" + internal, password, authenticated));
		onStop(admin);
		admin.describeCluster().nodes().get(2, TimeUnit.MINUTES);
		List<NewTopic> topics = declaredTopics();
		admin.createTopics(topics).all().get();
		String access = "PLAINTEXT, no authorizer";
		if (authenticated) {
			Set<AclBinding> acls = declaredAcls();
			acls.addAll(benchAcls());
			admin.createAcls(acls).all().get();
			access = String.format("SASL OAUTHBEARER, StandardAuthorizer with %d ACLs for %d principals", acls.size(),
					acls.stream().map(acl -> acl.entry().principal()).distinct().count());
		}
		return new ProcessBroker("localhost:" + client, authenticated, admin, String.format(
				"kafka.Kafka process (pid %d), %s, %d topics of topics.yaml", process.pid(), access, topics.size()));
	}

	/** The local broker's configuration (its template filled in), without authentication for the control. */
	static Properties serverProperties(Realm realm, Path data, int client, int internal, int controller,
			String password, boolean authenticated) throws IOException {
		String text = Files.readString(TEMPLATE).replace("@KAFKA_PORT@", String.valueOf(client))
			.replace("@BROKER_PORT@", String.valueOf(internal)).replace("@CONTROLLER_PORT@", String.valueOf(controller))
			.replace("@BROKER_PASSWORD@", password).replace("@ISSUER@", realm.issuer())
			.replace("@DATA_DIR@", data.toString()).replace("@NODE_ID@", "1")
			.replace("@QUORUM@", "controller.quorum.bootstrap.servers=localhost:" + controller)
			.replace("@REPLICATION@", "1").replace("@MIN_INSYNC@", "1");
		Matcher unfilled = Pattern.compile("@[A-Z_]+@").matcher(text);
		if (unfilled.find()) {
			throw new IllegalStateException(TEMPLATE + " has a placeholder the bench does not fill: " + unfilled.group());
		}
		Properties properties = new Properties();
		properties.load(new StringReader(text));
		if (!authenticated) {
			properties.stringPropertyNames().stream()
				.filter(name -> name.startsWith("sasl.") || name.startsWith("listener.name."))
				.forEach(properties::remove);
			Stream.of("authorizer.class.name", "super.users", "allow.everyone.if.no.acl.found", "connections.max.reauth.ms")
				.forEach(properties::remove);
			properties.setProperty("listener.security.protocol.map",
					"CLIENT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT");
		}
		return properties;
	}

	/** The broker's own identity (the super user), on the broker's own listener, as deploy/local/KafkaAcls.java. */
	static Map<String, Object> superUser(String bootstrap, String password, boolean authenticated) {
		Map<String, Object> config = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
		if (authenticated) {
			config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
			config.put("sasl.mechanism", "PLAIN");
			config.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
					+ "username=\"broker\" password=\"" + password + "\";");
		}
		return config;
	}

	/** Every KafkaTopic of topics.yaml, with its partitions and configuration, on one broker. */
	static List<NewTopic> declaredTopics() throws IOException {
		List<NewTopic> topics = new ArrayList<>();
		for (Map<String, Object> topic : documents(TOPICS, "KafkaTopic")) {
			Map<String, Object> spec = map(topic.get("spec"));
			Map<String, String> config = new HashMap<>();
			map(spec.get("config")).forEach((name, value) -> config.put(name, String.valueOf(value)));
			config.put("min.insync.replicas", "1");
			topics.add(new NewTopic(name(topic), ((Number) spec.getOrDefault("partitions", 1)).intValue(), (short) 1)
				.configs(config));
		}
		return topics;
	}

	/** Every KafkaUser's ACLs of users.yaml, each operation one ALLOW from any host, as deploy/local/KafkaAcls.java. */
	static Set<AclBinding> declaredAcls() throws IOException {
		Set<AclBinding> acls = new LinkedHashSet<>();
		for (Map<String, Object> user : documents(USERS, "KafkaUser")) {
			String principal = "User:" + name(user);
			for (Object entry : list(map(map(user.get("spec")).get("authorization")).get("acls"))) {
				Map<String, Object> resource = map(map(entry).get("resource"));
				ResourceType type = ResourceType.fromString(String.valueOf(resource.get("type")));
				ResourcePattern pattern = new ResourcePattern(type,
						type == ResourceType.CLUSTER ? "kafka-cluster" : String.valueOf(resource.get("name")),
						"prefix".equals(resource.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL);
				for (Object operation : list(map(entry).get("operations"))) {
					acls.add(new AclBinding(pattern, new AccessControlEntry(principal, "*",
							AclOperation.fromString(String.valueOf(operation)), AclPermissionType.ALLOW)));
				}
			}
		}
		return acls;
	}

	/** The bench's own principal: its baseline's and first sends' topics (bench.*) and groups (bench-*). */
	static List<AclBinding> benchAcls() {
		AccessControlEntry all = new AccessControlEntry("User:" + BENCH, "*", AclOperation.ALL, AclPermissionType.ALLOW);
		return List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "bench.", PatternType.PREFIXED), all),
				new AclBinding(new ResourcePattern(ResourceType.GROUP, "bench-", PatternType.PREFIXED), all));
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> documents(Path file, String kind) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file)) {
			for (Object document : new Yaml().loadAll(in)) {
				if (document instanceof Map<?, ?> map && kind.equals(map.get("kind"))) {
					documents.add((Map<String, Object>) map);
				}
			}
		}
		return documents;
	}

	static String name(Map<String, Object> resource) {
		return String.valueOf(map(resource.get("metadata")).get("name"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	static List<?> list(Object value) {
		return value instanceof List<?> list ? list : List.of();
	}

	/**
	 * The topic, 3 partitions as the embedded broker makes them, each with its leader in place once this
	 * returns (asking each leader for its latest offset: the admin client retries until it answers), so that
	 * a first record sent to it is not retried for NOT_LEADER_OR_FOLLOWER.
	 */
	static void createTopic(Broker broker, String topic) throws Exception {
		broker.admin().createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
		Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
		for (int partition = 0; partition < 3; partition++) {
			partitions.put(new TopicPartition(topic, partition), OffsetSpec.latest());
		}
		broker.admin().listOffsets(partitions).all().get();
	}

	/** A client's settings: the broker's client listener and, if it must, the sign-in of {@code principal}. */
	static Map<String, Object> client(Broker broker, Realm realm, String principal, Map<String, Object> settings) {
		Map<String, Object> config = new HashMap<>(settings);
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
		if (broker.authenticated()) {
			config.putAll(realm.kafkaLogin(principal));
		}
		return config;
	}

	static KafkaProducer<String, byte[]> producer(Broker broker, Realm realm, String principal) {
		return new KafkaProducer<>(client(broker, realm, principal, Map.of(ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.LINGER_MS_CONFIG, 1)), new StringSerializer(), new ByteArraySerializer());
	}


	/**
	 * A stand-in for the e-services catalogue, where the service reads the names of the codes an event carries
	 * (the service's title, the agency's name; remembered 10 minutes), found as "eservices" through the
	 * discovery client. Without it every event's two look-ups fail and are retried with back-off (the
	 * platform's service clients: 3 attempts, 200 ms then 400 ms apart) on the consumer threads, and the bench
	 * measures those waits instead of the notices. It answers as the catalogue does for the bench's events.
	 */
	static HttpServer startCatalogue() throws IOException {
		HttpServer catalogue = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] service = """
				{"code":"moi-passport-renewal","agency":"moi","title":{"en":"Renew a passport","ar":"تجديد جواز السفر"},\
				"status":"PUBLISHED","steps":[]}""".getBytes(StandardCharsets.UTF_8);
		byte[] agencies = """
				[{"code":"moi","name":{"en":"Ministry of Interior","ar":"وزارة الداخلية"}}]""".getBytes(StandardCharsets.UTF_8);
		catalogue.createContext("/services/moi-passport-renewal", exchange -> Realm.respond(exchange, 200, service));
		catalogue.createContext("/agencies", exchange -> Realm.respond(exchange, 200, agencies));
		catalogue.start();
		return catalogue;
	}


	/**
	 * What the bench uses of Keycloak's realm "bawaba", on one HTTP server: its keys (JWKS), and its token
	 * endpoint, which gives the bench's Kafka clients a token for their client credentials like Keycloak's
	 * (RS256, azp = the client id, audience bawaba-kafka, 300 s). People's tokens are made directly.
	 */
	static final class Realm implements AutoCloseable {

		static final int TOKEN_SECONDS = 300;

		static final SecureRandom RANDOM = new SecureRandom();

		private final KeyPair keys;

		private final HttpServer server;

		private final String issuer;

		private final Map<String, String> secrets = new HashMap<>();

		private final AtomicInteger issued = new AtomicInteger();

		private Realm(KeyPair keys, HttpServer server, List<String> clients) {
			this.keys = keys;
			this.server = server;
			this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/bawaba";
			clients.forEach(client -> this.secrets.put(client, secret()));
		}

		/** The realm with a confidential client (a generated secret) for each of {@code clients}. */
		static Realm start(List<String> clients) throws Exception {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			Realm realm = new Realm(generator.generateKeyPair(),
					HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), clients);
			byte[] jwks = realm.jwks();
			realm.server.createContext("/realms/bawaba/protocol/openid-connect/certs",
					exchange -> respond(exchange, 200, jwks));
			realm.server.createContext("/realms/bawaba/protocol/openid-connect/token", realm::token);
			realm.server.start();
			return realm;
		}

		String issuer() {
			return issuer;
		}

		String jwksUrl() {
			return issuer + "/protocol/openid-connect/certs";
		}

		String tokenUrl() {
			return issuer + "/protocol/openid-connect/token";
		}

		String allowedUrls() {
			return jwksUrl() + "," + tokenUrl();
		}

		int tokensIssued() {
			return issued.get();
		}

		/** A Kafka client's sign-in as {@code client}, the settings the launcher gives services. */
		Map<String, Object> kafkaLogin(String client) {
			Map<String, Object> login = new LinkedHashMap<>();
			login.put("security.protocol", "SASL_PLAINTEXT");
			login.put("sasl.mechanism", "OAUTHBEARER");
			login.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
			login.put("sasl.login.callback.handler.class",
					"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
			login.put("sasl.oauthbearer.token.endpoint.url", tokenUrl());
			login.put("sasl.oauthbearer.client.credentials.client.id", client);
			login.put("sasl.oauthbearer.client.credentials.client.secret", secrets.get(client));
			return login;
		}

		/** The same as a Spring Boot service's environment (SPRING_KAFKA_*), as deploy/local/launcher.sh sets it. */
		Map<String, String> springKafkaEnvironment(String client) {
			Map<String, String> environment = new LinkedHashMap<>();
			kafkaLogin(client).forEach((name, value) -> environment.put(name.equals("security.protocol")
					? "SPRING_KAFKA_SECURITY_PROTOCOL"
					: "SPRING_KAFKA_PROPERTIES_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'),
					String.valueOf(value)));
			return environment;
		}

		/**
		 * A citizen's token for the service's API: the platform's services accept only tokens for the audience
		 * bawaba-api (bawaba.security.audience), which the portal's client (azp) asks for.
		 */
		String personToken(String sub) {
			long now = Instant.now().getEpochSecond();
			return sign("{\"iss\":\"" + issuer + "\",\"sub\":\"" + sub + "\",\"azp\":\"portal\",\"aud\":[\"bawaba-api\"],"
					+ "\"iat\":" + now + ",\"exp\":" + (now + 3600)
					+ ",\"locale\":\"en\",\"realm_access\":{\"roles\":[\"citizen\"]}}");
		}

		/** A client-credentials token as Keycloak's: sub is the client's service account, azp the client. */
		String clientToken(String client) {
			long now = Instant.now().getEpochSecond();
			return sign("{\"iss\":\"" + issuer + "\",\"sub\":\""
					+ UUID.nameUUIDFromBytes(client.getBytes(StandardCharsets.UTF_8)) + "\",\"azp\":\"" + client
					+ "\",\"aud\":[\"bawaba-kafka\"],\"typ\":\"Bearer\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":"
					+ now + ",\"exp\":" + (now + TOKEN_SECONDS) + "}");
		}

		/** POST grant_type=client_credentials, the client's id and secret in HTTP Basic or in the form. */
		private void token(HttpExchange exchange) throws IOException {
			try {
				if (!"POST".equals(exchange.getRequestMethod())) {
					respond(exchange, 405, error("invalid_request"));
					return;
				}
				Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				String[] basic = basic(exchange.getRequestHeaders().getFirst("Authorization"));
				String client = basic != null ? basic[0] : form.get("client_id");
				String secret = basic != null ? basic[1] : form.get("client_secret");
				if (!"client_credentials".equals(form.get("grant_type"))) {
					respond(exchange, 400, error("unsupported_grant_type"));
				}
				else if (client == null || secret == null || !secrets.containsKey(client) || !MessageDigest.isEqual(
						secrets.get(client).getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
					respond(exchange, 401, error("invalid_client"));
				}
				else {
					issued.incrementAndGet();
					respond(exchange, 200, ("{\"access_token\":\"" + clientToken(client) + "\",\"token_type\":\"Bearer\","
							+ "\"expires_in\":" + TOKEN_SECONDS + "}").getBytes(StandardCharsets.UTF_8));
				}
			}
			catch (RuntimeException ex) {
				ex.printStackTrace();
				respond(exchange, 500, error("server_error"));
			}
		}

		private byte[] jwks() {
			RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
			return ("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
					+ b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
					+ "\"}]}").getBytes(StandardCharsets.UTF_8);
		}

		private String sign(String claims) {
			String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
			String body = b64(claims.getBytes(StandardCharsets.UTF_8));
			try {
				Signature signature = Signature.getInstance("SHA256withRSA");
				signature.initSign(keys.getPrivate());
				signature.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
				return header + "." + body + "." + b64(signature.sign());
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		static Map<String, String> form(String body) {
			Map<String, String> form = new HashMap<>();
			for (String pair : body.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					form.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
				}
			}
			return form;
		}

		/** The client id and secret of an HTTP Basic header (each form-encoded, RFC 6749 2.3.1), or null. */
		static String[] basic(String authorization) {
			if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
				return null;
			}
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : new String[] { decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1)) };
		}

		static String decode(String value) {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}

		static byte[] error(String code) {
			return ("{\"error\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
		}

		static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		}

		static String secret() {
			byte[] bytes = new byte[24];
			RANDOM.nextBytes(bytes);
			return b64(bytes);
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}


	static final String DATABASE = "bawaba_notifications_bench";

	static void freshDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
			connection.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
			connection.createStatement().execute("create database " + DATABASE);
		}
	}

	/**
	 * PORT if set (refused if something listens there already: the bench would take another service's
	 * readiness for its own), otherwise a free port.
	 */
	static int servicePort(Settings settings) throws IOException {
		if (settings.port().isEmpty()) {
			return freePort();
		}
		int port = Integer.parseInt(settings.port());
		try (ServerSocket _ = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
			return port;
		}
		catch (IOException ex) {
			throw new IllegalStateException("port " + port + " (PORT) is in use; unset PORT to take a free one", ex);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** LOG with a suffix: /tmp/bench-notifications.log -> /tmp/bench-notifications-auth.log. */
	static Path logFile(Settings settings, String suffix) {
		String log = settings.log();
		int dot = log.lastIndexOf('.');
		return Path.of(dot > log.lastIndexOf('/') ? log.substring(0, dot) + "-" + suffix + log.substring(dot)
				: log + "-" + suffix);
	}

	static void untilListening(Process process, int port, Path log) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 500);
				return;
			}
			catch (IOException ex) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("the broker did not start; see " + log);
				}
				Thread.sleep(200);
			}
		}
	}

	static void run(List<String> command, Path log, String what) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(log.toFile())).start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(what + " failed; see " + log);
		}
	}

	static void onStop(AutoCloseable stop) {
		RUNNING.push(stop);
	}

	/** Stops what runs, the last started first (the service before its broker). */
	static void stopAll() {
		for (AutoCloseable running = RUNNING.poll(); running != null; running = RUNNING.poll()) {
			try {
				running.close();
			}
			catch (Exception ex) {
				System.err.println("could not stop " + running + ": " + ex);
			}
		}
	}

	static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** An empty file only its owner may read (the broker's configuration holds its password). */
	static Path privateFile(Path path) throws IOException {
		return Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static List<String> concat(List<String> first, String... more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return all;
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length > 1 && bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
