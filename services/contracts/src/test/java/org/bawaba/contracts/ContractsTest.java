package org.bawaba.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps records, JSON Schemas and the AsyncAPI document from drifting apart. */
class ContractsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> PERSONAL_DATA = Set.of("national", "name", "email", "phone", "mobile",
			"address", "contact", "birth", "passport");

	// --- procurement ---
	/** Fields that name a business, not a person: suppliers' names are public (procurement). */
	private static final Set<String> PUBLIC_BUSINESS_NAMES = Set.of("SupplierUpdatedV1.name",
			"SupplierUpdatedV1.nameAr", "AwardPublishedV1.supplierName");
	// --- end procurement ---

	static List<Class<? extends DomainEvent>> events() {
		return Contracts.EVENTS;
	}

	@ParameterizedTest
	@MethodSource("events")
	void typeFollowsTheNamingRuleAndTopicIsAConstant(Class<? extends DomainEvent> event) throws Exception {
		EventType type = Contracts.typeOf(event);
		assertThat(type.value()).matches("org\\.bawaba\\.[a-z]+\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
		assertThat(event.getSimpleName()).endsWith("V" + type.value().substring(type.value().lastIndexOf(".v") + 2));
		assertThat(event.getField("TYPE").get(null)).isEqualTo(type.value());
		assertThat(topicConstants()).contains(type.topic());
		// an event on a per-agency topic says which agency it is from, so that the topic can be its own
		assertThat(AgencyEvent.class.isAssignableFrom(event)).as("AgencyEvent").isEqualTo(Topics.perAgency(type.topic()));
		assertThat(event.isRecord()).isTrue();
	}

	@ParameterizedTest
	@MethodSource("events")
	void recordComponentsMatchTheSchema(Class<? extends DomainEvent> event) {
		JsonNode schema = schemaJson(event);
		assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
		JsonNode properties = schema.get("properties");
		Set<String> components = Stream.of(event.getRecordComponents()).map(RecordComponent::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(new TreeSet<>(properties.propertyNames())).isEqualTo(components);

		Set<String> required = new TreeSet<>();
		schema.get("required").forEach(node -> required.add(node.asString()));
		Set<String> expectedRequired = Stream.of(event.getRecordComponents())
			.filter(component -> !component.isAnnotationPresent(OptionalField.class))
			.map(RecordComponent::getName)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(required).isEqualTo(expectedRequired);

		for (RecordComponent component : event.getRecordComponents()) {
			JsonNode property = properties.get(component.getName());
			Set<String> types = new HashSet<>();
			if (property.get("type").isArray()) {
				property.get("type").forEach(node -> types.add(node.asString()));
			}
			else {
				types.add(property.get("type").asString());
			}
			assertThat(types.contains("null")).as(component.getName() + " nullable")
				.isEqualTo(component.isAnnotationPresent(OptionalField.class));
			types.remove("null");
			assertThat(types).as(component.getName()).containsExactly(jsonType(component.getType()));
			String format = property.has("format") ? property.get("format").asString() : null;
			assertThat(format).as(component.getName() + " format").isEqualTo(jsonFormat(component.getType()));
			if (component.getType().isEnum()) {
				Set<String> constants = Stream.of(component.getType().getEnumConstants())
					.map(constant -> ((Enum<?>) constant).name())
					.collect(Collectors.toSet());
				Set<String> schemaEnum = new HashSet<>();
				property.get("enum").forEach(node -> schemaEnum.add(node.asString()));
				assertThat(schemaEnum).as(component.getName() + " enum").isEqualTo(constants);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("events")
	void aSerializedRecordValidatesAgainstItsSchema(Class<? extends DomainEvent> event) throws Exception {
		Object sample = sample(event);
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
			.getSchema(schemaText(event));
		schema.initializeValidators();
		Set<ValidationMessage> errors = schema.validate(JSON.writeValueAsString(sample),
				com.networknt.schema.InputFormat.JSON);
		assertThat(errors).isEmpty();
		assertThat(JSON.readValue(JSON.writeValueAsString(sample), event)).isEqualTo(sample);
	}

	@ParameterizedTest
	@MethodSource("events")
	void eventsCarryNoPersonalData(Class<? extends DomainEvent> event) {
		List<String> names = new ArrayList<>(schemaJson(event).get("properties").propertyNames());
		Stream.of(event.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
		for (String name : names) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (PUBLIC_BUSINESS_NAMES.contains(event.getSimpleName() + "." + name)) {
				continue;
			}
			assertThat(PERSONAL_DATA).as(event.getSimpleName() + "." + name)
				.noneMatch(word -> lower.contains(word));
		}
	}

	@Test
	void everySchemaFileBelongsToAContract() throws IOException {
		Set<String> types = Contracts.EVENTS.stream().map(event -> Contracts.typeOf(event).value())
			.collect(Collectors.toSet());
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/schemas"))) {
			Set<String> schemaTypes = files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
				.collect(Collectors.toSet());
			assertThat(schemaTypes).isEqualTo(types);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void asyncApiDescribesEveryContractAndNothingElse() throws IOException {
		Map<String, Object> doc;
		try (InputStream in = Files.newInputStream(Path.of("asyncapi.yaml"))) {
			doc = new Yaml().load(in);
		}
		assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
		Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) doc
			.get("components")).get("messages");
		Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");

		Set<String> documentedTypes = new HashSet<>();
		for (Map.Entry<String, Map<String, Object>> message : messages.entrySet()) {
			String type = (String) message.getValue().get("name");
			documentedTypes.add(type);
			String payloadRef = (String) ((Map<String, Object>) message.getValue().get("payload")).get("$ref");
			assertThat(payloadRef).isEqualTo("./src/main/resources/" + Contracts.schemaLocation(type));
			assertThat(Path.of(payloadRef)).exists();
		}
		assertThat(documentedTypes).isEqualTo(Contracts.EVENTS.stream()
			.map(event -> Contracts.typeOf(event).value())
			.collect(Collectors.toSet()));

		for (Class<? extends DomainEvent> event : Contracts.EVENTS) {
			EventType type = Contracts.typeOf(event);
			String messageKey = messages.entrySet().stream()
				.filter(entry -> type.value().equals(entry.getValue().get("name")))
				.map(Map.Entry::getKey).findFirst().orElseThrow();
			for (String address : List.of(type.topic(), Topics.deadLetter(type.topic()))) {
				Map<String, Object> channel = channels.values().stream()
					.filter(candidate -> address.equals(candidate.get("address")))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no channel for " + address));
				Map<String, Map<String, Object>> channelMessages = (Map<String, Map<String, Object>>) channel
					.get("messages");
				assertThat(channelMessages.values()).as(address)
					.anyMatch(ref -> ("#/components/messages/" + messageKey).equals(ref.get("$ref")));
			}
		}
	}

	private static Set<String> topicConstants() throws IllegalAccessException {
		Set<String> topics = new HashSet<>();
		for (var field : Topics.class.getFields()) {
			if (field.getType() == String.class && !List.of("DEAD_LETTER_SUFFIX", "AGENCY", "AGENCY_CODE")
				.contains(field.getName())) {
				topics.add((String) field.get(null));
			}
		}
		return topics;
	}

	private static String schemaText(Class<?> event) {
		String location = Contracts.schemaLocation(Contracts.typeOf(event).value());
		try (InputStream in = ContractsTest.class.getClassLoader().getResourceAsStream(location)) {
			assertThat(in).as(location).isNotNull();
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode schemaJson(Class<?> event) {
		return JSON.readTree(schemaText(event));
	}

	private static String jsonType(Class<?> type) {
		if (type == String.class || type == UUID.class || type == Instant.class || type == LocalDate.class
				|| type.isEnum()) {
			return "string";
		}
		if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
			return "integer";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "boolean";
		}
		// nested values, lists and numbers (procurement's amounts, participation's texts and options)
		if (type.isRecord()) {
			return "object";
		}
		if (List.class.isAssignableFrom(type)) {
			return "array";
		}
		if (type == java.math.BigDecimal.class || type == double.class || type == Double.class) {
			return "number";
		}
		throw new AssertionError("no JSON type mapping for " + type + ": extend the drift test");
	}

	private static String jsonFormat(Class<?> type) {
		if (type == UUID.class) {
			return "uuid";
		}
		if (type == Instant.class) {
			return "date-time";
		}
		if (type == LocalDate.class) {
			return "date";
		}
		return null;
	}

	private static Object sample(Class<?> event) throws Exception {
		RecordComponent[] components = event.getRecordComponents();
		Class<?>[] types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			Class<?> type = types[i];
			// nested values, lists and numbers: a list holds one sample element, a nested record is sampled too
			if (type.isRecord()) {
				values[i] = sample(type);
				continue;
			}
			if (List.class.isAssignableFrom(type)) {
				java.lang.reflect.Type element = ((java.lang.reflect.ParameterizedType) components[i].getGenericType())
					.getActualTypeArguments()[0];
				values[i] = element == String.class ? List.of("sample") : List.of(sample((Class<?>) element));
				continue;
			}
			if (type == java.math.BigDecimal.class) {
				values[i] = new java.math.BigDecimal("1250.50");
				continue;
			}
			if (type == double.class || type == Double.class) {
				values[i] = 0.5;
				continue;
			}
			if (components[i].getName().equals("currency")) {
				values[i] = "QAR";
				continue;
			}
			values[i] = type == UUID.class ? UUID.randomUUID()
					: type == Instant.class ? Instant.parse("2026-01-02T03:04:05Z")
					: type == LocalDate.class ? LocalDate.of(2026, 1, 2)
					: type.isEnum() ? type.getEnumConstants()[0]
					: type == int.class || type == Integer.class ? 1
					: type == long.class || type == Long.class ? 1L
					: type == boolean.class || type == Boolean.class ? true : "sample";
		}
		return event.getDeclaredConstructor(types).newInstance(values);
	}

}
