package org.bawaba.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door's protections: request headers passed on by allow-list, oversize bodies refused,
 * security headers added, CORS only for the configured origin, tokens kept out of the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class HardeningTest extends GatewayTestSupport {

	@Test
	void onlyAllowListedRequestHeadersReachTheService() {
		String token = TestTokens.sign(TestTokens.citizen());
		String path = "/headers-" + UUID.randomUUID();
		this.client.post()
			.uri("/api/hello" + path)
			.headers(headers -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", "application/json")
			.header("Accept-Language", "ar")
			.header("If-None-Match", "\"v1\"")
			.header("User-Agent", "test-client")
			.header("X-Correlation-Id", "c0ffee")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.header("Last-Event-ID", "42")
			.header("X-Payment-Signature", "sha256=00")
			// identity-looking, spoofed forwarding, and invented headers
			.header("X-Principal", "platform-admin")
			.header("X-Email", "admin@bawaba.test")
			.header("X-Preferred-Username", "platform-admin")
			.header("X-Tenant", "moi")
			.header("X-Keycloak-Roles", "platform-admin")
			.header("X-Jwt-Claims", "{\"realm_access\":{\"roles\":[\"platform-admin\"]}}")
			.header("X-Api-Key", "secret")
			.header("X-Forwarded_For", "203.0.113.9")
			.header("X-Forwarded-For", "203.0.113.9")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("Forwarded", "for=203.0.113.9;host=evil.example")
			.header("X-Real-IP", "203.0.113.9")
			.header("X-User-Id", "platform-admin")
			.header("X-Bawaba-Subject", "3f1c9a52-7e0b-4d1e-9c55-2a4b6f0e8d11")
			.header("X-National-Id", "28412345678")
			.header("Proxy-Authorization", "Basic c3B5OnNweQ==")
			.header("X-Anything-Else", "yes")
			.header("Origin", PORTAL_ORIGIN)
			.header("Cookie", "SESSION=abc; other=1")
			.header("X-XSRF-TOKEN", "token")
			.bodyValue("{}")
			.exchange()
			.expectStatus().isOk();

		Map<String, List<String>> received = TestBackends.HELLO.headers(path);
		assertThat(received).containsEntry("authorization", List.of("Bearer " + token))
			.containsEntry("accept", List.of("application/json"))
			.containsEntry("accept-language", List.of("ar"))
			.containsEntry("content-type", List.of("application/json"))
			.containsEntry("if-none-match", List.of("\"v1\""))
			.containsEntry("user-agent", List.of("test-client"))
			.containsEntry("x-correlation-id", List.of("c0ffee"))
			.containsEntry("traceparent", List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
			.containsEntry("last-event-id", List.of("42"))
			.containsEntry("x-payment-signature", List.of("sha256=00"));
		// nothing else, except what the HTTP client to the service sets itself; no trusted proxy is
		// configured, so the gateway adds no X-Forwarded-* either
		assertThat(received.keySet()).allMatch(name -> Set.of("authorization", "accept", "accept-language",
				"content-type", "content-length", "if-none-match", "user-agent", "x-correlation-id", "traceparent",
				"last-event-id", "x-payment-signature", "host", "accept-encoding", "connection", "transfer-encoding")
			.contains(name), "only allowed headers");
		// CORS answered at the gateway: the origin it allowed does not go on either
		assertThat(received).doesNotContainKey("origin");
	}

	@Test
	void anAuthorizationThatIsNotABearerTokenNeverReachesTheService() {
		String path = "/basic-" + UUID.randomUUID();
		this.client.get().uri("/api/hello" + path)
			.header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46YWRtaW4=")
			.exchange()
			.expectStatus().isOk();
		assertThat(TestBackends.HELLO.headers(path)).doesNotContainKey("authorization");
	}

	@Test
	void aBodyLargerThanTheServiceAcceptsIsRefusedWith413() {
		String path = "/upload-" + UUID.randomUUID();
		byte[] twoKilobytes = new byte[2048];
		this.client.post()
			.uri("/api/limited" + path)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(twoKilobytes)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/payload-too-large")
			.jsonPath("$.detail").isEqualTo("The request body is larger than the 1024 bytes allowed.");
		assertThat(TestBackends.HELLO.received()).noneMatch(received -> received.path().equals(path));

		// the default limit (1 MB) of another service lets the same body through
		this.client.post().uri("/api/echo/upload").contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(twoKilobytes)
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("2048");
	}

	@Test
	void aChunkedBodyThatGrowsPastTheLimitIsRefusedWith413() {
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> body = Flux.range(0, 1100)
			.map(i -> buffers.wrap(new byte[1024]));
		this.client.post()
			.uri("/api/echo/stream")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(body, DataBuffer.class)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void answersCarrySecurityHeadersAndThePortalItsContentSecurityPolicy() {
		this.client.get().uri("/api/hello/headers").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectHeader().doesNotExist("Content-Security-Policy");
		this.client.get().uri("/portal-page").exchange()
			.expectHeader().value("Content-Security-Policy",
					csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"))
			.expectHeader().valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void crossOriginCallsAreAllowedOnlyFromTheConfiguredOrigin() {
		this.client.options().uri("/api/hello/cors")
			.header(HttpHeaders.ORIGIN, PORTAL_ORIGIN)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PORTAL_ORIGIN);

		this.client.method(HttpMethod.OPTIONS).uri("/api/hello/cors")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("https://bawaba.org/problems/forbidden");
		String path = "/cors-" + UUID.randomUUID();
		this.client.get().uri("/api/hello" + path)
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "ar")
			.exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.title").isEqualTo("غير مسموح");
		assertThat(TestBackends.HELLO.received()).noneMatch(received -> received.path().equals(path));
	}

	@Test
	void tokensAreNeverLogged(CapturedOutput output) {
		String token = TestTokens.sign(TestTokens.citizen());
		this.client.get().uri("/api/down/with-token").headers(headers -> headers.setBearerAuth(token)).exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		this.client.get().uri("/api/me").headers(headers -> headers.setBearerAuth(token + "x")).exchange()
			.expectStatus().isUnauthorized();

		assertThat(output.getAll()).contains("503 on GET /api/down/with-token")
			.doesNotContain(token.substring(token.lastIndexOf('.') + 1))
			.doesNotContain(token.substring(0, token.indexOf('.', token.indexOf('.') + 1)));
	}

}
