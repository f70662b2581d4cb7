package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every overlay renders, and every object of it is valid against the Kubernetes API and the operators' CRDs,
 * unknown fields refused; the validation itself refuses what a cluster would.
 */
class SchemaValidationTest {

	private static Validator validator;

	@BeforeAll
	static void schemas() throws IOException {
		validator = new Validator();
	}

	static Stream<String> overlays() {
		return Rendered.OVERLAYS.stream();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyObjectOfTheOverlayIsValid(String overlay) {
		Rendered rendered = Rendered.overlay(overlay);
		List<String> errors = new ArrayList<>();
		rendered.objects().forEach(object -> errors.addAll(validator.validate(object)));

		assertThat(rendered.objects()).hasSizeGreaterThan(100);
		assertThat(errors).as("invalid objects in overlays/" + overlay).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyObjectIsInTheInstallationsNamespace(String overlay) {
		for (ObjectNode object : Rendered.overlay(overlay).objects()) {
			assertThat(object.at("/metadata/namespace").asText())
				.as(object.path("kind").asText() + " " + object.at("/metadata/name").asText())
				.isEqualTo("bawaba");
		}
	}

	@Test
	void anUnknownFieldOfABuiltInKindIsRefused() throws IOException {
		ObjectNode deployment = object("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: x}
				spec:
				  selector: {matchLabels: {app: x}}
				  template:
				    metadata: {labels: {app: x}}
				    spec:
				      containers:
				        - name: app
				          image: x
				          imagePullPolice: Always
				""");

		assertThat(validator.validate(deployment)).singleElement().asString()
			.contains("imagePullPolice").contains("spec.template.spec.containers[0]");
	}

	@Test
	void anUnknownFieldOfAnOperatorsKindIsRefused() throws IOException {
		ObjectNode topic = object("""
				apiVersion: kafka.strimzi.io/v1
				kind: KafkaTopic
				metadata: {name: t, labels: {strimzi.io/cluster: c}}
				spec: {partitions: 3, replica: 3}
				""");

		assertThat(validator.validate(topic)).singleElement().asString().contains("replica");
	}

	@Test
	void aValueOutsideTheOperatorsSchemaIsRefused() throws IOException {
		// Strimzi's v1 API has no "oauth" authentication type any more
		ObjectNode user = object("""
				apiVersion: kafka.strimzi.io/v1
				kind: KafkaUser
				metadata: {name: u}
				spec:
				  authentication: {type: oauth}
				""");

		assertThat(validator.validate(user)).isNotEmpty().anySatisfy(error -> assertThat(error).contains("type"));
	}

	@Test
	void anUnknownKindOrVersionIsRefused() throws IOException {
		ObjectNode oldTopic = object("""
				apiVersion: kafka.strimzi.io/v1alpha1
				kind: KafkaTopic
				metadata: {name: t}
				spec: {partitions: 3}
				""");

		assertThat(validator.validate(oldTopic)).singleElement().asString().contains("neither a kind");
	}

	@Test
	void anUnknownMetadataFieldOfAnOperatorsKindIsRefused() throws IOException {
		ObjectNode topic = object("""
				apiVersion: kafka.strimzi.io/v1
				kind: KafkaTopic
				metadata: {name: t, label: {strimzi.io/cluster: c}}
				spec: {partitions: 3}
				""");

		assertThat(validator.validate(topic)).singleElement().asString().contains("label");
	}

	private static ObjectNode object(String yaml) throws IOException {
		return Rendered.parse(yaml).getFirst();
	}

}
