package org.bawaba.eservices;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service over real HTTP with its own PostgreSQL database, an embedded Kafka broker and
 * Keycloak-like signed tokens. Every integration test class extends it, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "eservices.payments.provider=http")
public abstract class EservicesIT {

	protected static final String DATABASE = TestDatabase.fresh("bawaba_eservices_test");

	protected static final String KAFKA = TestKafka.bootstrap();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final Path DOCUMENTS = Path.of("target", "test-documents").toAbsolutePath();

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", () -> TestTokens.issuer());
		registry.add("eservices.documents.directory", DOCUMENTS::toString);
		registry.add("eservices.payments.base-url", TestPaymentProvider::baseUrl);
		registry.add("eservices.payments.callback-secret", () -> TestPaymentProvider.SECRET);
		// --- tellonce ---
		// tell us once on a test's time scale: agencies are late after 10 s and asked again every 2 s, 3 times in all
		registry.add("eservices.tell-us-once.deadline", () -> "PT10S");
		registry.add("eservices.tell-us-once.check-interval", () -> "PT0.5S");
		registry.add("eservices.tell-us-once.retry-interval", () -> "PT2S");
		registry.add("eservices.tell-us-once.max-attempts", () -> "3");
		// --- end tellonce ---
	}

	protected URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	protected static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	protected HttpResponse<String> get(String path, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		return send(request.build());
	}

	protected HttpResponse<String> getArabic(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "ar").GET().build());
	}

	protected HttpResponse<String> post(String path, String json, String bearer) {
		return send("POST", path, json, bearer);
	}

	protected HttpResponse<String> put(String path, String json, String bearer) {
		return send("PUT", path, json, bearer);
	}

	protected HttpResponse<String> send(String method, String path, String json, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
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

}
