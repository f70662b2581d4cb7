package org.bawaba.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * signed tokens and a clock the tests move. Every integration test class extends it (one shared context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProcurementIT.TestClock.class)
public abstract class ProcurementIT {

	protected static final String DATABASE = TestDatabase.fresh("bawaba_procurement_test");

	protected static final String KAFKA = TestKafka.bootstrap();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	/** Where the service generates its local-development keys in tests. */
	protected static final Path DATA = Path.of("target", "test-data-" + UUID.randomUUID()).toAbsolutePath();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final AtomicInteger REGISTRATIONS = new AtomicInteger(100000);

	protected static final String MOI_STAFF = TestTokens.staff("moi-staff", "moi");

	protected static final String MME_STAFF = TestTokens.staff("mme-staff", "mme");

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@TestConfiguration
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", () -> TestTokens.issuer());
		registry.add("procurement.data-directory", DATA::toString);
	}

	// --- HTTP ---

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
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
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

	protected static JsonNode ok(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return json(response);
	}

	protected static void assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(json(response).get("type").asString()).isEqualTo("https://bawaba.org/problems/" + slug);
	}

	// --- fixtures ---

	/** A supplier token of a new subject whose business is registered; returns the token. */
	protected String registeredSupplier(String name) {
		String token = TestTokens.supplier("supplier-" + name + "-" + UUID.randomUUID());
		ok(post("/suppliers", supplierProfile(String.valueOf(REGISTRATIONS.incrementAndGet()), name), token), 201);
		return token;
	}

	protected static String supplierProfile(String registrationNumber, String name) {
		return """
				{"registrationNumber":"%s","name":{"en":"%s Trading","ar":"%s للتجارة"},
				 "sells":["it-equipment","it-services"],
				 "contact":{"email":"bids@%s.example","phone":"+974 4444 5555","person":"Tender desk"}}"""
			.formatted(registrationNumber, name, name, name.toLowerCase());
	}

	/** A tender body with deadlines relative to the clock. */
	protected String tenderText(Instant clarification, Instant submission, Instant opening) {
		return """
				{"title":{"en":"Laptops for schools","ar":"حواسيب محمولة للمدارس"},
				 "description":{"en":"500 laptops with three years of support","ar":"500 حاسوب محمول مع دعم لثلاث سنوات"},
				 "category":"it-equipment","estimatedValue":{"amount":1500000,"currency":"QAR"},
				 "documents":[{"title":{"en":"Specifications","ar":"المواصفات"},"url":"https://tenders.example/spec.pdf","format":"application/pdf"}],
				 "criteria":[{"name":{"en":"Price","ar":"السعر"},"weight":70},{"name":{"en":"Support","ar":"الدعم"},"weight":30}],
				 "clarificationDeadline":"%s","submissionDeadline":"%s","openingTime":"%s"}"""
			.formatted(clarification, submission, opening);
	}

	/** A published tender of {@code staff}'s agency: questions for 1 h, bids for 2 h, opened at 2 h 30. */
	protected JsonNode publishedTender(String staff) {
		Instant now = clock.instant();
		return publishedTender(staff, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)),
				now.plus(Duration.ofMinutes(150)));
	}

	protected JsonNode publishedTender(String staff, Instant clarification, Instant submission, Instant opening) {
		JsonNode draft = ok(post("/tenders", tenderText(clarification, submission, opening), staff), 201);
		return ok(post("/tenders/" + draft.get("id").asString() + "/publish", null, staff), 200);
	}

	protected static String bid(String amount) {
		return """
				{"amount":%s,"currency":"QAR","documents":[{"name":"offer.txt","mediaType":"text/plain",
				 "content":"%s"}]}""".formatted(amount, java.util.Base64.getEncoder()
			.encodeToString(("TECHNICAL-OFFER-" + amount).getBytes(StandardCharsets.UTF_8)));
	}

	/** Moves the clock to the tender's opening time and waits for the opening job. */
	protected JsonNode openBids(JsonNode tender) {
		clock.set(Instant.parse(tender.get("openingTime").asString()));
		String id = tender.get("id").asString();
		return await(() -> {
			JsonNode current = json(get("/tenders/" + id, null));
			return "OPENED".equals(current.get("status").asString()) ? current : null;
		});
	}

	protected static <T> T await(Supplier<T> probe) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("condition not met within 20 s");
	}

}
