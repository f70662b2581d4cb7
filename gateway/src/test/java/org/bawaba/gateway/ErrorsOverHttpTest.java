package org.bawaba.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the gateway answers itself, sent over a socket to the running gateway as a client
 * would send it: each is {@code application/problem+json} with a type, a title and a detail, in
 * Arabic or English by {@code Accept-Language} (English when it is missing) — including those
 * answered before Spring sees the request (414, 431, malformed requests) and those of Spring
 * Security's firewall (400) and CORS (403).
 */
class ErrorsOverHttpTest extends GatewayTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TYPE = "https://bawaba.org/problems/";

	@Value("${local.server.port}")
	int port;

	/** One kind of failure: how to provoke it with a language, and what must come back. */
	record Case(String name, int status, String slug, String titleEn, String titleAr,
			Function<String, RawHttp.Response> send) {
	}

	@Test
	void everyErrorIsAProblemInTheCallersLanguage() {
		String token = TestTokens.sign(TestTokens.citizen());
		String x = "a".repeat(5000);
		List<Case> cases = List.of(
				new Case("no token", 401, "unauthorized", "Authentication required", "يلزم تسجيل الدخول",
						lang -> get("/api/me", lang)),
				new Case("unknown address", 404, "not-found", "Not found", "غير موجود",
						lang -> get("/api/nothing/here", lang)),
				new Case("unsupported method", 405, "method-not-allowed", "Method not allowed", "الطريقة غير مسموح بها",
						lang -> RawHttp.send(this.port, "DELETE", "/api/me", null, lang, "Authorization: Bearer " + token)),
				new Case("body too large", 413, "payload-too-large", "Request too large", "الطلب كبير جدًا",
						lang -> RawHttp.send(this.port, "POST", "/api/limited/upload", new byte[2048], lang,
								"Content-Type: application/octet-stream")),
				new Case("address too long", 414, "uri-too-long", "Address too long", "العنوان طويل جدًا",
						lang -> get("/api/hello/" + x, lang)),
				new Case("unknown charset", 415, "unsupported-media-type", "Unsupported media type",
						"نوع المحتوى غير مدعوم",
						lang -> RawHttp.send(this.port, "POST", "/api/hello/x", "{}".getBytes(StandardCharsets.UTF_8),
								lang, "Content-Type: application/json; charset=x-nope")),
				new Case("too many requests", 429, "too-many-requests", "Too many requests", "طلبات كثيرة جدًا",
						lang -> overTheLimit(lang)),
				new Case("headers too large", 431, "headers-too-large", "Request headers too large",
						"ترويسات الطلب كبيرة جدًا", lang -> RawHttp.send(this.port, "GET", "/api/hello/x", null, lang,
								"X-Big: " + "b".repeat(10_000))),
				new Case("a bug in the gateway", 500, "internal-error", "Internal error", "خطأ داخلي",
						lang -> get(FAILING_PATH, lang)),
				new Case("a service that hangs up", 502, "bad-gateway", "Bad gateway", "إجابة غير سليمة من خدمة",
						lang -> get("/api/broken/x", lang)),
				new Case("a service that is down", 503, "service-unavailable", "Service unavailable",
						"الخدمة غير متاحة", lang -> get("/api/gone/x", lang)),
				new Case("a slow service", 504, "gateway-timeout", "Gateway timeout", "انتهت مهلة الانتظار",
						lang -> get("/api/tardy/x", lang)),
				new Case("path traversal", 400, "bad-request", "Bad request", "طلب غير صالح",
						lang -> get("/api/hello/../../etc/passwd", lang)),
				new Case("encoded path traversal", 400, "bad-request", "Bad request", "طلب غير صالح",
						lang -> get("/api/hello/..%2F..%2Fetc%2Fpasswd", lang)),
				new Case("a page of another site", 403, "forbidden", "Forbidden", "غير مسموح",
						lang -> RawHttp.send(this.port, "GET", "/api/hello/x", null, lang, "Origin: https://evil.example")),
				new Case("not HTTP", 400, "bad-request", "Bad request", "طلب غير صالح",
						lang -> RawHttp.sendBytes(this.port,
								("POST /api/hello/x HTTP/1.1\r\nHost: localhost\r\n" + lang + "\r\nContent-Length: abc\r\n\r\n")
									.getBytes(StandardCharsets.UTF_8), null)),
				new Case("broken percent-encoding", 400, "bad-request", "Bad request", "طلب غير صالح",
						lang -> get("/api/hello/%zz", lang)),
				new Case("a Host that is no host", 400, "bad-request", "Bad request", "طلب غير صالح",
						lang -> RawHttp.send(this.port, "GET", "/api/hello/x", null, lang, "Host: evil example")),
				new Case("an Accept that is no media type", 400, "bad-request", "Bad request", "طلب غير صالح",
						lang -> RawHttp.send(this.port, "GET", "/api/hello/x", null, lang, "Accept: text/html; charset=x-nope")));

		// each 400 for its own reason
		assertThat(JSON.readTree(get("/api/hello/../../etc/passwd", "").body()).path("detail").asString())
			.contains("“..”");
		assertThat(JSON.readTree(get("/api/hello/%zz", "").body()).path("detail").asString()).contains("not valid HTTP");

		List<String> failures = new ArrayList<>();
		for (Case c : cases) {
			expect(c, "Accept-Language: ar", c.titleAr(), "ar", failures);
			expect(c, "Accept-Language: en-GB,en;q=0.9,ar;q=0.5", c.titleEn(), "en", failures);
			expect(c, "Accept-Language: fr, ar;q=0.8, en;q=0.2", c.titleAr(), "ar", failures);
			expect(c, "X-No-Language: true", c.titleEn(), "en", failures);
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void refusedBeforeItsHeadersAreReadARequestStillGetsAProblemInEnglish() {
		RawHttp.Response notHttp = RawHttp.sendBytes(this.port,
				"GET /api/hello/a b c HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ar\r\n\r\n"
					.getBytes(StandardCharsets.UTF_8), null);
		assertProblem(notHttp, 400, "bad-request", "Bad request", "en");
		// past server.netty.max-initial-line-length and max-http-request-header-size (64 KB)
		RawHttp.Response longLine = get("/api/hello/" + "a".repeat(70_000), "Accept-Language: ar");
		assertProblem(longLine, 414, "uri-too-long", "Address too long", "en");
		RawHttp.Response hugeHeaders = RawHttp.send(this.port, "GET", "/api/hello/x", null, "Accept-Language: ar",
				"X-Big: " + "b".repeat(70_000));
		assertProblem(hugeHeaders, 431, "headers-too-large", "Request headers too large", "en");
	}

	@Test
	void theHelloServiceNeverSawTheRefusedRequests() {
		String path = "/never-" + UUID.randomUUID();
		get("/api/hello" + path + "/" + "a".repeat(5000), "Accept-Language: en");
		RawHttp.send(this.port, "GET", "/api/hello" + path, null, "X-Big: " + "b".repeat(10_000));
		RawHttp.send(this.port, "POST", "/api/hello" + path, "{}".getBytes(StandardCharsets.UTF_8),
				"Content-Type: application/json; charset=x-nope");
		assertThat(TestBackends.HELLO.received()).noneMatch(received -> received.path().startsWith(path));
	}

	private void expect(Case c, String language, String title, String contentLanguage, List<String> failures) {
		try {
			assertProblem(c.send().apply(language), c.status(), c.slug(), title, contentLanguage);
		}
		catch (AssertionError | RuntimeException ex) {
			failures.add(c.name() + " with " + language + ": " + ex.getMessage());
		}
	}

	private static void assertProblem(RawHttp.Response response, int status, String slug, String title,
			String contentLanguage) {
		assertThat(response.status()).as("status").isEqualTo(status);
		assertThat(response.header("Content-Type")).as("content type").startsWith("application/problem+json");
		assertThat(response.header("Content-Language")).as("language").isEqualTo(contentLanguage);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo(TYPE + slug);
		assertThat(problem.path("title").asString()).isEqualTo(title);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("secret").doesNotContain("trace");
	}

	private RawHttp.Response get(String target, String language) {
		return RawHttp.send(this.port, "GET", target, null, language);
	}

	/**
	 * A signed-in caller of its own sends ten requests at once to the 'limited' service (a burst of
	 * 3, one more a second): some are refused, whatever the machine's speed.
	 */
	private RawHttp.Response overTheLimit(String language) {
		String token = TestTokens.sign(TestTokens.person(UUID.randomUUID().toString()));
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<RawHttp.Response>> burst = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				burst.add(callers.submit(() -> RawHttp.send(this.port, "GET", "/api/limited/ping", null, language,
						"Authorization: Bearer " + token)));
			}
			List<RawHttp.Response> answers = new ArrayList<>();
			for (Future<RawHttp.Response> answer : burst) {
				answers.add(answer.get());
			}
			return answers.stream().filter(response -> response.status() == 429).findFirst().orElse(answers.get(0));
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
