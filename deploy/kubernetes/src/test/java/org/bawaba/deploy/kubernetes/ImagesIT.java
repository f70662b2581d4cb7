package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bawaba.deploy.kubernetes.LocalRun.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image tarballs of the build (profile images): every component's is on the local base image, runs as a
 * user that is not root, keeps its layers from the least to the most often changed, sizes its heap from the
 * container's memory, carries its version and commit; and the gateway's image starts under runc (Debian's) and
 * answers its health check and a request.
 */
class ImagesIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Path BASE = Rendered.ROOT.resolve("deploy/images/target/jre-base.tar");

	static Stream<String> modules() throws IOException {
		List<String> modules = new ArrayList<>();
		LocalRun.components().stream().map(Component::module).forEach(modules::add);
		modules.add("registry");
		return modules.stream();
	}

	@ParameterizedTest
	@MethodSource("modules")
	void everyComponentsImageIsLayeredNonRootAndLabelled(String module) throws IOException {
		Path tarball = Rendered.ROOT.resolve(module).resolve("target/jib-image.tar");
		assertThat(tarball).as("the image of " + module + ": ./mvnw -Pimages install").isRegularFile();
		JsonNode image = config(tarball);
		JsonNode config = image.path("config");

		assertThat(config.path("User").asText()).isEqualTo("65532:65532");
		List<String> entrypoint = texts(config.path("Entrypoint"));
		assertThat(entrypoint.getFirst()).isEqualTo("java");
		assertThat(entrypoint).contains("-XX:MaxRAMPercentage=65", "-XX:+ExitOnOutOfMemoryError", "-cp", "@/app/jib-classpath-file");
		assertThat(entrypoint.getLast()).matches("org\\.bawaba\\.[\\w.]+Application");
		assertThat(texts(config.path("Env"))).anySatisfy(env -> assertThat(env).startsWith("PATH=/opt/java/bin"));
		assertThat(config.at("/Labels/org.opencontainers.image.version").asText()).isEqualTo(System.getProperty("bawaba.version"));
		assertThat(config.at("/Labels/org.opencontainers.image.revision").asText())
			.matches("[0-9a-f]{40}")
			.isEqualTo(System.getProperty("bawaba.git.commit"));

		// on the base image, then the application from the least to the most often changed
		List<String> layers = texts(image.at("/rootfs/diff_ids"));
		List<String> baseLayers = texts(config(BASE).at("/rootfs/diff_ids"));
		assertThat(layers.subList(0, baseLayers.size())).isEqualTo(baseLayers);
		List<String> added = new ArrayList<>();
		image.path("history").forEach(h -> added.add(h.path("comment").asText()));
		List<String> own = added.subList(added.size() - (layers.size() - baseLayers.size()), added.size());
		assertThat(own).contains("dependencies", "resources", "classes");
		assertThat(own.indexOf("dependencies")).isLessThan(own.indexOf("resources"));
		assertThat(own.indexOf("resources")).isLessThan(own.indexOf("classes"));
		assertThat(own.indexOf("classes")).isGreaterThanOrEqualTo(own.size() - 2);
	}

	@Test
	void theGatewaysImageStartsAndAnswers() throws Exception {
		Path bundle = Files.createTempDirectory("bawaba-gateway-image");
		Path rootfs = Files.createDirectories(bundle.resolve("rootfs"));
		Path tarball = Rendered.ROOT.resolve("gateway/target/jib-image.tar");
		JsonNode image = config(tarball);
		assertThat(isOciLayout(tarball)).as("an OCI image layout").isTrue();
		for (String layer : layers(tarball)) {
			run(bundle, "sh", "-c", "tar -xOf \"$0\" \"$1\" | tar -xz -C \"$2\"", tarball.toString(), layer, rootfs.toString());
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		run(bundle, "runc", "spec");
		ObjectNode spec = (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
		ObjectNode process = spec.with("process");
		process.put("terminal", false);
		process.set("args", image.at("/config/Entrypoint"));
		process.put("cwd", image.at("/config/WorkingDir").asText("/"));
		process.with("user").put("uid", 65532).put("gid", 65532);
		ArrayNode env = process.putArray("env");
		image.at("/config/Env").forEach(env::add);
		String prefix = "bawaba-image-test-" + UUID.randomUUID();
		// the platform's parts it would talk to are absent (ports where nothing listens); Redis is the machine's
		for (String variable : List.of("SERVER_PORT=" + port, "SERVER_ADDRESS=127.0.0.1", "BAWABA_CLIENT_ID=gateway",
				"BAWABA_CLIENT_SECRET=" + HexFormat.of().formatHex(randomBytes()),
				"KEYCLOAK_ISSUER_URI=http://127.0.0.1:9/realms/bawaba", "REGISTRY_ADDRESS=127.0.0.1:9",
				"KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9", "REDIS_HOST=127.0.0.1", "REDIS_PORT=6379",
				"BAWABA_RATE_LIMIT_KEY_PREFIX=" + prefix + ":rate:", "BAWABA_SESSION_NAMESPACE=" + prefix + ":session")) {
			env.add(variable);
		}
		// a read-only root with a writable /tmp, as in the cluster; the machine's network (the test calls it)
		spec.with("root").put("readonly", true);
		ObjectNode tmp = spec.withArray("mounts").addObject();
		tmp.put("destination", "/tmp").put("type", "tmpfs").put("source", "tmpfs");
		tmp.putArray("options").add("nosuid").add("nodev").add("mode=1777");
		ArrayNode namespaces = (ArrayNode) spec.at("/linux/namespaces");
		namespaces.removeIf(namespace -> namespace.path("type").asText().equals("network"));
		JSON.writeValue(bundle.resolve("config.json").toFile(), spec);

		String container = "bawaba-gateway-image-" + ThreadLocalRandom.current().nextInt(1_000_000);
		Path log = bundle.resolve("gateway.log");
		Process runc = new ProcessBuilder("runc", "run", container).directory(bundle.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpResponse<String> health = null;
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
			while (System.nanoTime() < deadline && runc.isAlive()) {
				try {
					health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200) {
						break;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(1000);
			}
			String output = Files.readString(log);
			assertThat(health).as("the gateway did not answer its readiness check; its output:\n" + output).isNotNull();
			assertThat(health.statusCode()).as(output).isEqualTo(200);
			assertThat(health.body()).contains("\"UP\"");

			HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
				.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(me.statusCode()).isEqualTo(401);
			assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

			JsonNode state = JSON.readTree(run(bundle, "runc", "state", container));
			String status = Files.readString(Path.of("/proc", state.path("pid").asText(), "status"));
			assertThat(status).containsPattern("(?m)^Uid:\\s+65532\\s");
		}
		finally {
			new ProcessBuilder("runc", "delete", "--force", container).directory(bundle.toFile()).start().waitFor(1, TimeUnit.MINUTES);
			runc.waitFor(1, TimeUnit.MINUTES);
			new ProcessBuilder("rm", "-rf", bundle.toString()).start().waitFor(1, TimeUnit.MINUTES);
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	/** The image's configuration: an OCI image layout (the components') or a docker-save archive (the base). */
	private static JsonNode config(Path tarball) throws IOException {
		if (isOciLayout(tarball)) {
			return JSON.readTree(blob(tarball, ociManifest(tarball).at("/config/digest").asText()));
		}
		JsonNode manifest = JSON.readTree(entry(tarball, "manifest.json")).get(0);
		return JSON.readTree(entry(tarball, manifest.path("Config").asText()));
	}

	/** The image's layers (gzipped tar files) as paths inside the tarball, from the bottom up. */
	private static List<String> layers(Path tarball) throws IOException {
		List<String> layers = new ArrayList<>();
		ociManifest(tarball).path("layers")
			.forEach(layer -> layers.add("blobs/" + layer.path("digest").asText().replace(':', '/')));
		return layers;
	}

	private static boolean isOciLayout(Path tarball) throws IOException {
		return run(tarball.getParent(), "tar", "-tf", tarball.toString()).lines().anyMatch("index.json"::equals);
	}

	private static JsonNode ociManifest(Path tarball) throws IOException {
		JsonNode index = JSON.readTree(entry(tarball, "index.json"));
		return JSON.readTree(blob(tarball, index.at("/manifests/0/digest").asText()));
	}

	private static String blob(Path tarball, String digest) throws IOException {
		return entry(tarball, "blobs/" + digest.replace(':', '/'));
	}

	private static String entry(Path tarball, String name) throws IOException {
		return run(tarball.getParent(), "tar", "-xOf", tarball.toString(), name);
	}

	private static String run(Path directory, String... command) throws IOException {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return output;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(item -> texts.add(item.asText()));
		return texts;
	}

}
