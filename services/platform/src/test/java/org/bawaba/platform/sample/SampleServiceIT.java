package org.bawaba.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bawaba.contracts.Topics;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample service over real HTTP, PostgreSQL and Kafka, with Keycloak-like signed tokens. */
@SpringBootTest(classes = SampleService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=sample", "bawaba.web.max-body-size=4KB" })
@DirtiesContext
class SampleServiceIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_platform_sample_test");

	static final String KAFKA = TestKafka.bootstrap();


	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.kafka.bootstrap-servers", () -> KAFKA);
		registry.add("bawaba.security.issuer-uri", TestTokens::issuer);
	}

	@Test
	void submitStoresPublishesAndConsumesTheEvent() throws Exception {
		HttpResponse<String> created = send(post("/applications", "{\"serviceCode\":\"birth-certificate\",\"agency\":\"moh\"}")
			.header("Authorization", "Bearer " + TestTokens.token("citizen-1", null, null, "en", "citizen"))
			.header("X-Correlation-Id", "sample-corr-1")
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("X-Correlation-Id")).hasValue("sample-corr-1");
		String id = JSON.readTree(created.body()).get("id").asString();

		List<ConsumerRecord<String, byte[]>> records = TestKafka.read(KAFKA, Topics.ESERVICES_APPLICATIONS,
				read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
		ConsumerRecord<String, byte[]> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
		CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
		assertThat(event.getSource()).hasToString("/bawaba/sample");
		assertThat(event.getSubject()).isEqualTo(id);
		assertThat(JSON.readTree(event.getData().toBytes()).get("citizenSubject").asString()).isEqualTo("citizen-1");
		assertThat(new String(record.headers().lastHeader("X-Correlation-Id").value(), StandardCharsets.UTF_8))
			.isEqualTo("sample-corr-1");
		// the request's W3C trace carries on in Kafka: same trace id, a span of the service's own
		assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
			.startsWith("00-" + TRACE_ID + "-")
			.doesNotContain("00f067aa0ba902b7");

		await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(DATABASE,
				"select count(*) from application where acknowledged and id = '" + id + "'") == 1);

		HttpResponse<String> own = send(get("/applications/" + id).header("Authorization",
				"Bearer " + TestTokens.token("citizen-1", null, null, "en", "citizen")));
		assertThat(own.statusCode()).isEqualTo(200);
		HttpResponse<String> other = send(get("/applications/" + id).header("Authorization",
				"Bearer " + TestTokens.token("citizen-2", null, null, "en", "citizen")));
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(problem(other).get("type").asString()).isEqualTo("https://bawaba.org/problems/forbidden-not-owner");
	}

	@Test
	void badInputChangesNothing() throws Exception {
		long before = TestDatabase.count(DATABASE, "select count(*) from application");
		String token = "Bearer " + TestTokens.token("citizen-1", null, null, "en", "citizen");
		HttpResponse<String> invalid = send(post("/applications", "{\"serviceCode\":\"\",\"agency\":\"moh\"}")
			.header("Authorization", token));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(problem(invalid).get("errors").get(0).get("field").asString()).isEqualTo("serviceCode");

		HttpResponse<String> staff = send(post("/applications", "{\"serviceCode\":\"x\",\"agency\":\"moh\"}")
			.header("Authorization", "Bearer " + TestTokens.token("staff-1", "moh", null, "en", "agency-staff")));
		assertThat(staff.statusCode()).isEqualTo(403);

		HttpResponse<String> anonymous = send(post("/applications", "{}"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(problem(anonymous).get("correlationId").asString()).isNotBlank();

		HttpResponse<String> forged = send(post("/applications", "{}").header("Authorization", token + "x"));
		assertThat(forged.statusCode()).isEqualTo(401);

		assertThat(TestDatabase.count(DATABASE, "select count(*) from application")).isEqualTo(before);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox")).isZero();
	}

	@Test
	void hostileInputGetsA4xxProblemInTheCallersLanguageAndChangesNothing() throws Exception {
		long before = TestDatabase.count(DATABASE, "select count(*) from application");
		long events = TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox");
		String token = "Bearer " + TestTokens.token("citizen-1", null, null, "en", "citizen");
		// a NUL character PostgreSQL refuses in text, and text longer than the column (varchar(40))
		assertProblem(send(post("/applications", "{\"serviceCode\":\"a\\u0000b\",\"agency\":\"moh\"}")
			.header("Authorization", token)), 400, "value-not-storable");
		assertProblem(send(post("/applications", "{\"serviceCode\":\"" + "x".repeat(41) + "\",\"agency\":\"moh\"}")
			.header("Authorization", token)), 400, "value-not-storable");
		// valid JSON of the wrong shape, and a number where text is expected
		assertProblem(send(post("/applications", "[]").header("Authorization", token)), 400, "wrong-shape");
		assertProblem(send(post("/applications", "{\"serviceCode\":123,\"agency\":\"moh\"}")
			.header("Authorization", token)), 400, "invalid-value");
		// multipart without a boundary, and an unknown charset
		assertProblem(send(HttpRequest.newBuilder(uri("/applications")).header("Authorization", token)
			.header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString("--x--"))), 400,
				"malformed-multipart");
		HttpResponse<String> charset = send(HttpRequest.newBuilder(uri("/applications")).header("Authorization", token)
			.header("Content-Type", "application/json; charset=x-nope")
			.POST(HttpRequest.BodyPublishers.ofString("{\"serviceCode\":\"x\",\"agency\":\"moh\"}")));
		assertThat(charset.statusCode()).isBetween(400, 499);
		assertThat(charset.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		// the container's error page is not an endpoint
		assertProblem(send(get("/error")), 404, "not-found");
		assertProblem(send(get("/error/x")), 404, "not-found");
		// paths Tomcat itself refuses, before any filter: not valid UTF-8, an encoded lone surrogate
		for (String path : List.of("/applications/%C3%28%FF%FE", "/applications/%ED%A0%80")) {
			HttpResponse<String> refused = send(get(path).header("Authorization", token).header("Accept-Language", "ar"));
			assertProblem(refused, 400, "bad-request");
			assertThat(problem(refused).get("title").asString()).isEqualTo("طلب غير صالح");
			assertProblem(send(get(path).header("Authorization", token)), 400, "bad-request");
		}
		// a query parameter that is not valid UTF-8
		assertProblem(send(get("/applications?serviceCode=%C3%28%FF%FE").header("Authorization", token)), 400,
				"undecodable-parameter");
		// in Arabic for an Arabic reader
		HttpResponse<String> arabic = send(post("/applications", "[]").header("Authorization", token)
			.header("Accept-Language", "ar"));
		assertProblem(arabic, 400, "wrong-shape");
		assertThat(problem(arabic).get("title").asString()).isEqualTo("بنية JSON غير صحيحة");

		assertThat(TestDatabase.count(DATABASE, "select count(*) from application")).isEqualTo(before);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox")).isLessThanOrEqualTo(events);
	}

	private void assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(problem(response).get("type").asString()).isEqualTo("https://bawaba.org/problems/" + slug);
	}

	@Test
	void aChunkedBodyOverTheLimitIs413() throws Exception {
		byte[] big = ("{\"serviceCode\":\"" + "x".repeat(10_000) + "\",\"agency\":\"moh\"}").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(uri("/applications"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestTokens.token("citizen-1", null, null, "en", "citizen"))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
			.build();
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(problem(response).get("type").asString()).isEqualTo("https://bawaba.org/problems/payload-too-large");
	}

	@Test
	void aLargeBodyOverTheLimitGetsTheProblemNotAResetConnection() throws Exception {
		// far over the limit, and over Tomcat's default 2 MB of body it reads after refusing one
		byte[] big = new byte[8 * 1024 * 1024];
		for (int attempt = 0; attempt < 3; attempt++) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/applications"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + TestTokens.token("citizen-1", null, null, "en", "citizen"))
				.POST(HttpRequest.BodyPublishers.ofByteArray(big)));
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(problem(response).get("type").asString()).isEqualTo("https://bawaba.org/problems/payload-too-large");
		}
	}

	@Test
	void operationsEndpointsAreOpen() throws Exception {
		assertThat(send(get("/actuator/health/readiness")).statusCode()).isEqualTo(200);
		assertThat(send(get("/actuator/health/liveness")).statusCode()).isEqualTo(200);
		HttpResponse<String> metrics = send(get("/actuator/prometheus"));
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private HttpRequest.Builder post(String path, String json) {
		return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode problem(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
