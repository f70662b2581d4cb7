package org.bawaba.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A loopback HTTP server for the systems a test's service talks to (token endpoint, JWKS, another service). */
public final class TestHttpServer {

	/** What a context answers to one request. */
	public record Answer(int status, String contentType, String body) {
	}

	private final HttpServer server;

	private TestHttpServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A server with nothing mapped yet; {@link #answer} maps paths, {@link #start} starts it. */
	public static TestHttpServer create() {
		return new TestHttpServer();
	}

	/** Answers requests under {@code path} with what {@code handler} returns for each. */
	public TestHttpServer answer(String path, Function<HttpExchange, Answer> handler) {
		this.server.createContext(path, exchange -> {
			Answer answer = handler.apply(exchange);
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			if (answer.contentType() != null) {
				exchange.getResponseHeaders().add("Content-Type", answer.contentType());
			}
			exchange.sendResponseHeaders(answer.status(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		return this;
	}

	/** The body of a request, as text. */
	public static String requestBody(HttpExchange exchange) {
		try {
			return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public TestHttpServer start() {
		this.server.start();
		return this;
	}

	/** {@code http://127.0.0.1:<port>} */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void stop() {
		this.server.stop(0);
	}

}
