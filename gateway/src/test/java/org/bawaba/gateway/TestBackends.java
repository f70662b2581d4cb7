package org.bawaba.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * Real HTTP servers on loopback, started once per test JVM: the sign-on's JWKS and the services
 * the gateway routes to.
 */
final class TestBackends {

	/** What a backend saw of one request. */
	record Received(String method, String path, String authorization) {
	}

	/** Keycloak's certificate endpoint, serving {@link TestTokens#jwks()}. */
	static final TestBackends.Server SIGN_ON = start(exchange -> respond(exchange, 200, "application/json",
			TestTokens.jwks()));

	/** A healthy service that echoes the path it received. */
	static final TestBackends.Server HELLO = start(exchange -> respond(exchange, 200, "text/plain",
			"hello from " + exchange.getRequestURI().getPath()));

	/** Another healthy service, to show one slow service does not hold the others up. */
	static final TestBackends.Server OTHER = start(exchange -> respond(exchange, 200, "text/plain", "other"));

	/** A service that takes three seconds to answer. */
	static final TestBackends.Server SLOW = start(exchange -> {
		try {
			Thread.sleep(3000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		respond(exchange, 200, "text/plain", "finally");
	});

	/** A service that reads the whole request body before answering with its size in bytes. */
	static final TestBackends.Server ECHO = start(exchange -> {
		byte[] body = exchange.getRequestBody().readAllBytes();
		respond(exchange, 200, "text/plain", Integer.toString(body.length));
	});

	/** A live stream: three server-sent events, 800 ms apart (longer in all than the time limit). */
	static final TestBackends.Server STREAM = start(exchange -> {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			for (int i = 1; i <= 3; i++) {
				out.write(("event: notice\ndata: " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
				Thread.sleep(800);
			}
		}
		catch (IOException ex) {
			// the gateway gave up and closed the connection
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	});

	/** A service that reads the whole body, then takes 1.5 s to answer with its size (a slow upload). */
	static final TestBackends.Server SLOW_ECHO = start(exchange -> {
		byte[] body = exchange.getRequestBody().readAllBytes();
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		respond(exchange, 200, "text/plain", Integer.toString(body.length));
	});

	/** What the auth service's agency directory answers; tests switch it. */
	static volatile String agencies = "[]";

	/** The auth service's {@code GET /agencies}: the onboarded agencies and their services. */
	static final TestBackends.Server AGENCIES = start(exchange -> respond(exchange, 200, "application/json",
			agencies));

	/**
	 * What a stranger registers in the registry: an instance under a name nobody routed, or one
	 * claiming another's path. It must never see a request, let alone a caller's token.
	 */
	static final TestBackends.Server ROGUE = start(exchange -> respond(exchange, 200, "text/plain", "rogue"));

	/** A port on which nothing listens: a registered service that is down. */
	static final int DOWN_PORT = freePort();

	/** A service that reads the request and closes the connection without answering. */
	static final int BROKEN_PORT = hangUpOnEveryRequest();

	private TestBackends() {
	}

	static String url(Server server) {
		return "http://127.0.0.1:" + server.port();
	}

	static final class Server {

		private final HttpServer http;

		private final Queue<Received> received = new ConcurrentLinkedQueue<>();

		private final Map<String, Map<String, List<String>>> headers = new ConcurrentHashMap<>();

		private Server(HttpServer http) {
			this.http = http;
		}

		int port() {
			return this.http.getAddress().getPort();
		}

		List<Received> received() {
			return List.copyOf(this.received);
		}

		/** The request headers received at a path (names in lower case), empty if none came. */
		Map<String, List<String>> headers(String path) {
			return this.headers.getOrDefault(path, Map.of());
		}

	}

	private static Server start(HttpHandler handler) {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			Server server = new Server(http);
			http.createContext("/", exchange -> {
				server.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("Authorization")));
				Map<String, List<String>> headers = new HashMap<>();
				exchange.getRequestHeaders()
					.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
				server.headers.put(exchange.getRequestURI().getPath(), headers);
				handler.handle(exchange);
			});
			http.setExecutor(Executors.newCachedThreadPool(runnable -> {
				Thread thread = new Thread(runnable, "test-backend");
				thread.setDaemon(true);
				return thread;
			}));
			http.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException ex) {
			// the gateway gave up waiting and closed the connection
		}
	}

	private static int hangUpOnEveryRequest() {
		try {
			ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread thread = new Thread(() -> {
				while (!socket.isClosed()) {
					try (Socket connection = socket.accept()) {
						connection.getInputStream().read(new byte[8192]);
					}
					catch (IOException ex) {
						// the next connection
					}
				}
			}, "test-backend-broken");
			thread.setDaemon(true);
			thread.start();
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A loopback port nothing listens on (at the time of asking). */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
