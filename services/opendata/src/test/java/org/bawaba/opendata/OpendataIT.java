package org.bawaba.opendata;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * The service over real HTTP with its own PostgreSQL database, an embedded Kafka broker and Keycloak-like
 * signed tokens. Every integration test class extends it, so they share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OpendataIT {

	protected static final String DATABASE = TestDatabase.fresh("bawaba_opendata_test");

	protected static final String KAFKA = TestKafka.bootstrap();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final String MOI_STAFF = TestTokens.staff("moi-staff-1", "moi");

	protected static final String MME_STAFF = TestTokens.staff("mme-staff-1", "mme");

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", () -> TestTokens.issuer());
	}

	protected URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	protected static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	protected HttpResponse<String> get(String path) {
		return get(path, null);
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

	/** Uploads {@code file} as multipart part {@code file} to {@code /resources/{id}/data}, streamed from disk. */
	protected HttpResponse<String> upload(String resourceId, Path file, String filename, String bearer,
			String language) {
		String boundary = "----bawaba" + UUID.randomUUID();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + (filename.endsWith(".json") ? "application/json" : "text/csv") + "\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri("/resources/" + resourceId + "/data"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
						HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString(tail)));
			if (bearer != null) {
				request.header("Authorization", bearer);
			}
			if (language != null) {
				request.header("Accept-Language", language);
			}
			return send(request.build());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected HttpResponse<String> upload(String resourceId, String content, String filename, String bearer) {
		return upload(resourceId, content.getBytes(StandardCharsets.UTF_8), filename, bearer);
	}

	protected HttpResponse<String> upload(String resourceId, byte[] content, String filename, String bearer) {
		try {
			Path file = Files.createTempFile("opendata-test-", "-" + filename);
			Files.write(file, content);
			try {
				return upload(resourceId, file, filename, bearer, null);
			}
			finally {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
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

	/** A CKAN action by GET; {@code query} is the query string without {@code ?}. */
	protected JsonNode action(String action, String query, int expectedStatus) {
		HttpResponse<String> response = get("/api/3/action/" + action + (query == null ? "" : "?" + query));
		if (response.statusCode() != expectedStatus) {
			throw new AssertionError(action + " answered " + response.statusCode() + ": " + response.body());
		}
		return json(response);
	}

	/** Creates a public dataset of {@code organization} with one resource (to upload into); returns the resource id. */
	protected String datasetWithResource(String name, String organization, String bearer) {
		HttpResponse<String> created = post("/datasets", datasetJson(name, organization, List.of("test"),
				List.of("government"), false), bearer);
		if (created.statusCode() != 201) {
			throw new AssertionError(created.body());
		}
		HttpResponse<String> resource = post("/datasets/" + name + "/resources",
				"{\"name\": {\"en\": \"Data\", \"ar\": \"البيانات\"}, \"format\": \"CSV\"}", bearer);
		if (resource.statusCode() != 201) {
			throw new AssertionError(resource.body());
		}
		return json(resource).get("id").asString();
	}

	protected static String datasetJson(String name, String organization, List<String> tags, List<String> groups,
			boolean isPrivate) {
		return JSON.writeValueAsString(Map.of("name", name, "organization", organization, "title",
				Map.of("en", "Dataset " + name, "ar", "مجموعة بيانات " + name), "notes",
				Map.of("en", "Notes of " + name, "ar", "ملاحظات " + name), "tags", tags, "groups", groups, "license",
				"cc-by", "frequency", "MONTHLY", "private", isPrivate));
	}

	/** Publishes a CloudEvent (binary mode, JSON data) as another service would. */
	protected static void publish(String topic, String key, String type, Map<String, Object> data) {
		CloudEvent event = CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(URI.create("/bawaba/test"))
			.withType(type)
			.withSubject(key)
			.withTime(Instant.now().atOffset(java.time.ZoneOffset.UTC))
			.withData("application/json", JSON.writeValueAsBytes(data))
			.build();
		publish(topic, key, event);
	}

	protected static void publish(String topic, String key, CloudEvent event) {
		ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event);
		TestKafka.send(KAFKA, record);
	}

}
