package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** An overlay as {@code kubectl kustomize} renders it: the objects a cluster would be given. */
record Rendered(String overlay, List<ObjectNode> objects) {

	static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();

	static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

	static final List<String> OVERLAYS = List.of("national", "laptop");

	static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final ConcurrentHashMap<String, Rendered> CACHE = new ConcurrentHashMap<>();

	static Rendered overlay(String name) {
		return CACHE.computeIfAbsent(name, Rendered::render);
	}

	private static Rendered render(String name) {
		try {
			Path output = Files.createTempFile("bawaba-" + name, ".yaml");
			Process kubectl = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve("overlays").resolve(name).toString())
				.redirectOutput(output.toFile())
				.redirectErrorStream(false)
				.start();
			String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!kubectl.waitFor(2, TimeUnit.MINUTES) || kubectl.exitValue() != 0) {
				throw new IllegalStateException("kubectl kustomize overlays/" + name + " failed: " + errors);
			}
			return new Rendered(name, parse(Files.readString(output)));
		}
		catch (IOException ex) {
			throw new IllegalStateException("kubectl (with its built-in kustomize) is needed to render the overlays", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static List<ObjectNode> parse(String yaml) throws IOException {
		List<ObjectNode> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
			while (documents.hasNext()) {
				JsonNode document = documents.next();
				if (document instanceof ObjectNode object) {
					objects.add(object);
				}
			}
		}
		return objects;
	}

	List<ObjectNode> ofKind(String kind) {
		return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
	}

	Optional<ObjectNode> find(String kind, String name) {
		return ofKind(kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst();
	}

	ObjectNode get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " named " + name));
	}

	/** A ConfigMap by the name it is referred to (kustomize appends a hash of its content). */
	ObjectNode configMap(String name) {
		return ofKind("ConfigMap").stream()
			.filter(o -> o.at("/metadata/name").asText().matches(name + "(-[a-z0-9]{10})?"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap " + name));
	}

}
