import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Publish -> inbox-visible latency of the notifications service at a fixed event rate, with the bare
 * Kafka publish -> consume latency of the same broker, producer settings and rate as the baseline.
 * Starts an embedded KRaft broker (3 partitions), a JWKS endpoint, and the service's jar against a
 * fresh database; "visible" is the notice arriving on the recipient's live stream (GET /me/stream),
 * which the service pushes right after the notice's transaction committed, i.e. when GET /me/notices
 * first shows it. Run by deploy/bench/notifications.sh.
 */
class NotificationsBench {

	static final HttpClient HTTP = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Path jar = Path.of(args[0]);
		int rate = Integer.parseInt(env("RATE", "1000"));
		int seconds = Integer.parseInt(env("SECONDS", "20"));
		int warmup = Integer.parseInt(env("WARMUP", "10"));
		int recipients = Integer.parseInt(env("RECIPIENTS", "100"));
		int port = Integer.parseInt(env("PORT", "18085"));

		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.afterPropertiesSet();
		String bootstrap = broker.getBrokersAsString();

		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/realms/bawaba";
		RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
		byte[] jwk = ("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
				+ b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
				+ "\"}]}").getBytes(StandardCharsets.UTF_8);
		jwks.createContext("/realms/bawaba/protocol/openid-connect/certs", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwk.length);
			exchange.getResponseBody().write(jwk);
			exchange.close();
		});
		jwks.start();

		String database = "bawaba_notifications_bench";
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
			connection.createStatement().execute("drop database if exists " + database + " with (force)");
			connection.createStatement().execute("create database " + database);
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx512m", "-jar", jar.toString(),
				"--server.port=" + port, "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
				"--spring.kafka.bootstrap-servers=" + bootstrap, "--bawaba.security.issuer-uri=" + issuer,
				"--eureka.client.enabled=false", "--spring.cloud.service-registry.auto-registration.enabled=false",
				"--notifications.keycloak.client-secret=", "--spring.mail.host=", "--logging.level.root=WARN"));
		Process service = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of(env("LOG", "/tmp/bench-notifications.log")).toFile()).start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			service.destroy();
			jwks.stop(0);
			broker.destroy();
		}));
		String base = "http://127.0.0.1:" + port;
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		while (!ready(base)) {
			if (System.nanoTime() > deadline || !service.isAlive()) {
				throw new IllegalStateException("the service did not become ready; see its log");
			}
			Thread.sleep(500);
		}

		Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
				new ByteArraySerializer())) {
			long[] baseline = baseline(bootstrap, producer, rate, seconds);

			// the recipients' live streams
			Map<String, Long> sentAt = new ConcurrentHashMap<>();
			ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
			AtomicBoolean measuring = new AtomicBoolean(false);
			List<String> people = new ArrayList<>();
			for (int i = 0; i < recipients; i++) {
				String sub = "bench-" + i;
				people.add(sub);
				String token = token(keys, issuer, sub);
				HttpResponse<java.io.InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/me/stream"))
					.header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
						HttpResponse.BodyHandlers.ofInputStream());
				Thread.ofVirtual().start(() -> {
					try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
						String line;
						while ((line = in.readLine()) != null) {
							int at = line.indexOf("/eservices/applications/");
							if (line.startsWith("data:") && at > 0) {
								long now = System.nanoTime();
								String application = line.substring(at + 24, at + 60);
								Long sent = sentAt.remove(application);
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
			System.out.printf("warm-up: %d s at %d events/s to %d recipients%n", warmup, rate, recipients);
			publish(producer, rate, warmup, people, sentAt);
			Thread.sleep(3000);
			sentAt.clear();
			measuring.set(true);
			System.out.printf("measuring: %d s at %d events/s%n", seconds, rate);
			long start = System.nanoTime();
			int published = publish(producer, rate, seconds, people, sentAt);
			long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (latencies.size() < published && System.nanoTime() < waitUntil) {
				Thread.sleep(100);
			}
			double elapsed = (System.nanoTime() - start) / 1e9;
			long[] measured = latencies.stream().mapToLong(Long::longValue).sorted().toArray();

			String inbox = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/me/notices/unread-count"))
				.header("Authorization", "Bearer " + token(keys, issuer, people.get(0))).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			System.out.println();
			System.out.printf("%-44s %8s %10s %10s %10s%n", "", "events", "p50 ms", "p99 ms", "max ms");
			row("Kafka publish -> consume (baseline)", baseline);
			row("publish -> notice visible in the inbox", measured);
			System.out.printf("%nnotices seen: %d of %d published (%.0f/s until the last arrived); recipient 0's"
					+ " unread count now %s%n", measured.length, published, measured.length / elapsed, inbox);
			if (baseline.length > 0 && measured.length > 0) {
				System.out.printf("ratio to the baseline: p50 x%.1f, p99 x%.1f%n",
						(double) pct(measured, 50) / Math.max(1, pct(baseline, 50)),
						(double) pct(measured, 99) / Math.max(1, pct(baseline, 99)));
			}
		}
		System.exit(0);
	}

	static long[] baseline(String bootstrap, KafkaProducer<String, byte[]> producer, int rate, int seconds)
			throws Exception {
		String topic = "bench.baseline." + UUID.randomUUID();
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
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
			producer.send(KafkaMessageFactory.createWriter("bawaba.eservices.applications", application).writeBinary(event));
		}
		producer.flush();
		return total;
	}

	/** Sleeps until event {@code i} is due (the sender does not spin: the machine has 2 cores). */
	static void pace(long start, long i, int rate) {
		long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
		if (wait > 200_000) {
			java.util.concurrent.locks.LockSupport.parkNanos(wait);
		}
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

	static void row(String name, long[] sorted) {
		if (sorted.length == 0) {
			System.out.printf("%-44s %8d %10s %10s %10s%n", name, 0, "-", "-", "-");
			return;
		}
		System.out.printf("%-44s %8d %10.1f %10.1f %10.1f%n", name, sorted.length, pct(sorted, 50) / 1e6,
				pct(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
	}

	static long pct(long[] sorted, int percentile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

	static String token(KeyPair keys, String issuer, String sub) throws Exception {
		long now = Instant.now().getEpochSecond();
		String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
		String claims = b64(("{\"iss\":\"" + issuer + "\",\"sub\":\"" + sub + "\",\"iat\":" + now + ",\"exp\":"
				+ (now + 3600) + ",\"locale\":\"en\",\"realm_access\":{\"roles\":[\"citizen\"]}}")
			.getBytes(StandardCharsets.UTF_8));
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(keys.getPrivate());
		signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
		return header + "." + claims + "." + b64(signature.sign());
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
