package org.bawaba.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The auth service's API over HTTP, as its tests call it on the port the test started it on. */
public record AuthApi(int port) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/**
	 * The service on its own test database and broker, trusting the test issuer, with Keycloak's address on
	 * a port where nothing listens (what it does in Keycloak is deploy/e2e's to test).
	 */
	public static void infrastructure(org.springframework.test.context.DynamicPropertyRegistry registry,
			String database, String kafka) {
		registry.add("spring.datasource.url", () -> database);
		registry.add("spring.kafka.bootstrap-servers", () -> kafka);
		registry.add("bawaba.security.issuer-uri", org.bawaba.platform.test.TestTokens::issuer);
		registry.add("auth.keycloak.server-url", () -> "http://127.0.0.1:" + org.bawaba.platform.test.TestKafka.freePort());
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** {@code method path} with a JSON body (or none) and a bearer token (or none). */
	public HttpResponse<String> send(String method, String path, String json, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		return send(request.build());
	}

	public static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	public static boolean isProblem(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
	}

}
