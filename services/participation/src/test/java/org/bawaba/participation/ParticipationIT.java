package org.bawaba.participation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service over real HTTP with its own PostgreSQL database, an embedded Kafka broker, Keycloak-like
 * signed tokens and a clock the tests move. Every integration test class extends it: one shared context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ParticipationIT.Clocks.class)
public abstract class ParticipationIT {

	protected static final String DATABASE = TestDatabase.fresh("bawaba_participation_test");

	protected static final String KAFKA = TestKafka.bootstrap();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final Path ATTACHMENTS = Path.of("target", "test-attachments").toAbsolutePath();

	protected static final TestClock CLOCK = new TestClock();

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	protected int port;

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}

	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", () -> TestTokens.issuer());
		registry.add("participation.complaints.attachments.directory", ATTACHMENTS::toString);
	}

	protected URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	protected HttpResponse<String> get(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		return send(request.build());
	}

	protected HttpResponse<String> getArabic(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Language", "ar").GET();
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		return send(request.build());
	}

	protected HttpResponse<String> post(String path, String json, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
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

	protected static long count(String sql, Object... args) {
		return TestDatabase.count(DATABASE, sql, args);
	}

	/** The CloudEvents on {@code topic} with key {@code key}, read until {@code done} holds (30 s at most). */
	protected static List<CloudEvent> events(String topic, String key, Predicate<List<CloudEvent>> done) {
		return TestKafka.events(KAFKA, topic, key, done);
	}

	protected static JsonNode data(CloudEvent event) {
		return JSON.readTree(event.getData().toBytes());
	}

}
