package org.bawaba.gateway;

import java.util.List;
import java.util.Map;
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
 * The front door's protections: spoofable headers stripped, oversize bodies refused, security
 * headers added, CORS only for the configured origin, tokens kept out of the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class HardeningTest extends GatewayTestSupport {

	@Test
	void spoofedForwardingAndIdentityHeadersNeverReachTheService() {
		String path = "/spoofed-" + UUID.randomUUID();
		this.client.get()
			.uri("/api/hello" + path)
			.header("X-Forwarded-For", "203.0.113.9")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("Forwarded", "for=203.0.113.9;host=evil.example")
			.header("X-Real-IP", "203.0.113.9")
			.header("X-User-Id", "platform-admin")
			.header("X-Bawaba-Subject", "3f1c9a52-7e0b-4d1e-9c55-2a4b6f0e8d11")
			.header("X-National-Id", "28412345678")
			.header("X-Auth-Request-Email", "someone@example.org")
			.header("Proxy-Authorization", "Basic c3B5OnNweQ==")
			.header("X-Kept", "yes")
			.exchange()
			.expectStatus().isOk();

		Map<String, List<String>> received = TestBackends.HELLO.headers(path);
		assertThat(received).containsEntry("x-kept", List.of("yes"));
		// no trusted proxy is configured: the gateway forwards none of these, and adds none itself
		assertThat(received).doesNotContainKeys("x-forwarded-for", "x-forwarded-host", "x-forwarded-proto",
				"forwarded", "x-real-ip", "x-user-id", "x-bawaba-subject", "x-national-id",
				"x-auth-request-email", "proxy-authorization");
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
			.jsonPath("$.type").isEqualTo("https://bawaba.org/problems/content-too-large");
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
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.client.get().uri("/api/hello/cors")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.exchange()
			.expectStatus().isForbidden();
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
