package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Validates objects strictly, as an API server with strict field validation would: a built-in kind against
 * the Kubernetes API's model classes (fabric8), an operator's kind against its CRD's schema (kept in
 * {@code deploy/kubernetes/schemas}); a field that neither knows is an error, and so is a kind that neither knows.
 */
final class Validator {

	static final Path SCHEMAS = Rendered.KUBERNETES.resolve("schemas");

	private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

	private final Map<String, JsonSchema> crdSchemas = new HashMap<>();

	Validator() throws IOException {
		JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
		List<Path> crds;
		try (Stream<Path> files = Files.walk(SCHEMAS)) {
			crds = files.filter(f -> f.toString().matches(".*\\.ya?ml")).toList();
		}
		for (Path crd : crds) {
			for (ObjectNode document : Rendered.parse(Files.readString(crd))) {
				if (!"CustomResourceDefinition".equals(document.path("kind").asText())) {
					continue;
				}
				String group = document.at("/spec/group").asText();
				String kind = document.at("/spec/names/kind").asText();
				for (JsonNode version : document.at("/spec/versions")) {
					if (version.path("served").asBoolean()) {
						ObjectNode schema = version.at("/schema/openAPIV3Schema").deepCopy();
						// every object has these, whether its CRD lists them or not
						ObjectNode properties = schema.with("properties");
						properties.putIfAbsent("apiVersion", schema.objectNode().put("type", "string"));
						properties.putIfAbsent("kind", schema.objectNode().put("type", "string"));
						properties.putIfAbsent("metadata", schema.objectNode().put("type", "object"));
						strict(schema);
						crdSchemas.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(schema));
					}
				}
			}
		}
	}

	/** What is wrong with {@code object}; empty when it is valid. */
	List<String> validate(ObjectNode object) {
		String where = object.path("kind").asText() + " " + object.at("/metadata/name").asText() + ": ";
		List<String> errors = new ArrayList<>();
		KubernetesResource typed;
		try {
			typed = KUBERNETES.unmarshal(object.toString());
		}
		catch (RuntimeException ex) {
			return List.of(where + ex.getMessage());
		}
		if (typed instanceof GenericKubernetesResource) {
			JsonSchema schema = crdSchemas.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
			if (schema == null) {
				return List.of(where + "neither a kind of the Kubernetes API nor of the CRDs in " + SCHEMAS);
			}
			for (ValidationMessage message : schema.validate(object)) {
				errors.add(where + message.getMessage());
			}
			ObjectMeta metadata = KUBERNETES.convertValue(object.path("metadata"), ObjectMeta.class);
			unknownFields(metadata, "metadata", errors, where);
		}
		else {
			unknownFields(typed, "", errors, where);
		}
		return errors;
	}

	/**
	 * Every object schema that lists its properties and does not keep unknown fields gets
	 * {@code additionalProperties: false}: what the API server would prune (or refuse, with strict field
	 * validation) is an error here. Kubernetes' own keywords are left out of the validation.
	 */
	static JsonNode strict(JsonNode schema) {
		if (!(schema instanceof ObjectNode node)) {
			return schema;
		}
		boolean keepsUnknown = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
		for (Iterator<String> keywords = node.fieldNames(); keywords.hasNext();) {
			String keyword = keywords.next();
			if (keyword.startsWith("x-kubernetes-") || "nullable".equals(keyword)) {
				keywords.remove();
			}
		}
		if (node.has("properties") && !node.has("additionalProperties") && !keepsUnknown) {
			node.put("additionalProperties", false);
		}
		node.path("properties").forEach(Validator::strict);
		strict(node.get("items"));
		strict(node.get("additionalProperties"));
		strict(node.get("not"));
		for (String combination : List.of("allOf", "anyOf", "oneOf")) {
			node.path(combination).forEach(Validator::strict);
		}
		return schema;
	}

	/** Fields the model classes did not know land in their additional properties: each is an error. */
	private static void unknownFields(Object model, String path, List<String> errors, String where) {
		if (model == null) {
			return;
		}
		if (model instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknownFields(item, path + "[" + i++ + "]", errors, where);
			}
			return;
		}
		if (model instanceof Map<?, ?> map) {
			map.forEach((key, value) -> unknownFields(value, path + "." + key, errors, where));
			return;
		}
		if (!model.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : model.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(model);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				continue;
			}
			if ("getAdditionalProperties".equals(getter.getName())) {
				if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
					errors.add(where + "unknown field(s) " + unknown.keySet() + " in " + (path.isEmpty() ? "the object" : path));
				}
			}
			else {
				String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
				unknownFields(value, path.isEmpty() ? field : path + "." + field, errors, where);
			}
		}
	}

}
