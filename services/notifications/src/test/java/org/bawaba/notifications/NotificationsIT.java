package org.bawaba.notifications;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service over real HTTP with its own PostgreSQL database, an embedded Kafka broker, GreenMail as
 * the SMTP server, WireMock as the SMS provider and as webhook receivers, and Keycloak-like tokens.
 * Every integration test class extends it, so they share one context. A synthetic event type
 * ({@link #CONFIRMED}) stands for the level-4 confirmations that consolidate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"notifications.events.[org.bawaba.test.agency.confirmed.v1].category=applications",
		"notifications.events.[org.bawaba.test.agency.confirmed.v1].recipients[0]=subject:citizenSubject",
		"notifications.events.[org.bawaba.test.agency.confirmed.v1].template=test-agency-confirmed",
		"notifications.events.[org.bawaba.test.agency.confirmed.v1].consolidation-key={{requestId}}",
		"notifications.events.[org.bawaba.test.agency.confirmed.v1].consolidation-window=3s" })
public abstract class NotificationsIT {

	protected static final String DATABASE = TestDatabase.fresh("bawaba_notifications_test");

	protected static final String KAFKA = TestKafka.bootstrap();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final String CONFIRMED = "org.bawaba.test.agency.confirmed.v1";

	protected static final String APPLICATIONS = "bawaba.eservices.applications";

	protected static final GreenMail MAIL = startMail();

	/** The SMS provider (under /sms) and webhook receivers (under /hooks). */
	protected static final WireMockServer EXTERNAL = startWireMock();

	protected static final String SMS_RECEIPT_SECRET = "test-receipt-secret";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", () -> TestTokens.issuer());
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("notifications.keycloak.client-secret", () -> "");
		registry.add("notifications.delivery.poll-interval", () -> "100ms");
		registry.add("notifications.email.retry.initial", () -> "200ms");
		registry.add("notifications.sms.base-url", () -> EXTERNAL.baseUrl() + "/sms");
		registry.add("notifications.sms.api-key", () -> "test-sms-key");
		registry.add("notifications.sms.receipt-secret", () -> SMS_RECEIPT_SECRET);
		registry.add("notifications.sms.retry.attempts", () -> "3");
		registry.add("notifications.sms.retry.initial", () -> "200ms");
		registry.add("notifications.sms.retry.multiplier", () -> "2");
		registry.add("notifications.webhooks.allow-http-loopback", () -> "true");
		registry.add("notifications.webhooks.poll-interval", () -> "100ms");
		registry.add("notifications.webhooks.retry.initial", () -> "100ms");
		registry.add("notifications.webhooks.retry.attempts", () -> "6");
		registry.add("notifications.webhooks.pause-after", () -> "3");
	}

	private static GreenMail startMail() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

	private static WireMockServer startWireMock() {
		WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	// --- events ---

	/** Publishes a CloudEvent in binary mode, as the platform's outbox does; returns its id. */
	protected static String publish(String topic, String type, String key, String data) {
		String id = UUID.randomUUID().toString();
		publish(topic, type, key, data, id);
		return id;
	}

	protected static void publish(String topic, String type, String key, String data, String id) {
		TestKafka.send(KAFKA, record(topic, type, key, data, id));
	}

	/** The record of a CloudEvent in binary mode, as the platform's outbox sends it. */
	protected static ProducerRecord<String, byte[]> record(String topic, String type, String key, String data,
			String id) {
		CloudEvent event = CloudEventBuilder.v1()
			.withId(id)
			.withSource(URI.create("/bawaba/test"))
			.withType(type)
			.withSubject(key)
			.withTime(OffsetDateTime.now())
			.withDataContentType("application/json")
			.withData(data.getBytes(StandardCharsets.UTF_8))
			.build();
		return KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
	}

	// --- HTTP ---

	protected URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	protected HttpResponse<String> get(String path, String bearer) {
		return send("GET", path, null, bearer);
	}

	protected HttpResponse<String> post(String path, String json, String bearer) {
		return send("POST", path, json, bearer);
	}

	protected HttpResponse<String> put(String path, String json, String bearer) {
		return send("PUT", path, json, bearer);
	}

	protected HttpResponse<String> delete(String path, String bearer) {
		return send("DELETE", path, null, bearer);
	}

	protected HttpResponse<String> send(String method, String path, String json, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		return send(request.build());
	}

	protected static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	protected static boolean isProblem(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
	}

	// --- people and inboxes ---

	/** Gives a person a contact profile (null values stay empty). */
	protected void contact(String bearer, String email, String phone, String locale) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("phone", phone);
		body.put("locale", locale);
		HttpResponse<String> response = put("/me/contact", JSON.writeValueAsString(body), bearer);
		if (response.statusCode() != 200) {
			throw new AssertionError(response.body());
		}
	}

	protected void preferences(String bearer, String json) {
		HttpResponse<String> response = put("/me/preferences", json, bearer);
		if (response.statusCode() != 200) {
			throw new AssertionError(response.body());
		}
	}

	/** The person's own notices (broadcasts, e.g. other tests' open polls, left out). */
	protected List<JsonNode> inbox(String bearer) {
		return inboxWithBroadcasts(bearer).stream().filter(notice -> !notice.get("broadcast").asBoolean()).toList();
	}

	protected List<JsonNode> inboxWithBroadcasts(String bearer) {
		HttpResponse<String> response = get("/me/notices?size=100", bearer);
		if (response.statusCode() != 200) {
			throw new AssertionError(response.statusCode() + " " + response.body());
		}
		return json(response).get("items").valueStream().toList();
	}

	/** The inbox once {@code done} holds for it (or after 15 s, for the assertion to fail on). */
	protected List<JsonNode> inboxUntil(String bearer, Predicate<List<JsonNode>> done) {
		return until(() -> inbox(bearer), done);
	}

	protected static <T> T until(Supplier<T> read, Predicate<T> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		T value = read.get();
		while (!done.test(value) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			value = read.get();
		}
		return value;
	}

	// --- e-mail ---

	protected static List<MimeMessage> mailTo(String address) {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : MAIL.getReceivedMessages()) {
			try {
				if (message.getAllRecipients() != null && List.of(message.getAllRecipients()).toString().contains(address)) {
					messages.add(message);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return messages;
	}

	protected static List<MimeMessage> mailUntil(String address, int count) {
		return until(() -> mailTo(address), messages -> messages.size() >= count);
	}

	/** The decoded text parts of a message by content type ({@code text/plain}, {@code text/html}). */
	protected static Map<String, String> parts(MimeMessage message) {
		Map<String, String> parts = new LinkedHashMap<>();
		try {
			collect(message, parts);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return parts;
	}

	private static void collect(Part part, Map<String, String> parts) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				collect(body, parts);
			}
		}
		else if (content instanceof String text) {
			parts.put(part.getContentType().split(";")[0].trim().toLowerCase(), text);
		}
	}

	protected static long count(String sql, Object... args) {
		return TestDatabase.count(DATABASE, sql, args);
	}

}
