package org.bawaba.e2e;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;

import com.github.curiousoddman.rgxgen.RgxGen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A value that a JSON schema of an OpenAPI document accepts: the type, format, enum, bounds and pattern
 * (through RgxGen) respected, every property present. Drawn from the caller's {@link Random}, so a seed
 * gives the same values again. It is the starting point the fuzz suite breaks one piece of at a time.
 */
final class SampleValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiOperation operation;

    private final Random random;

    SampleValues(ApiOperation operation, Random random) {
        this.operation = operation;
        this.random = random;
    }

    JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    private JsonNode of(JsonNode declared, int depth) {
        if (declared != null && declared.path("$ref").asString("").endsWith("/JsonNode")) {
            return NODES.objectNode(); // springdoc describes a free-form JSON value as Jackson's JsonNode bean
        }
        JsonNode schema = operation.resolve(declared);
        if (schema == null || depth > 8) {
            return NODES.stringNode("fuzz");
        }
        for (String combinator : new String[] { "allOf", "oneOf", "anyOf" }) {
            if (schema.has(combinator) && !schema.get(combinator).isEmpty()) {
                return of(schema.get(combinator).get(0), depth + 1);
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        return switch (type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items; i++) {
                    array.add(of(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(integer(schema) + 0.5);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.stringNode(string(schema));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").properties().forEach(property -> {
            if (!property.getValue().path("readOnly").asBoolean(false)
                    && !property.getValue().path("$ref").asString("").endsWith("/Caller")) {
                object.set(property.getKey(), of(property.getValue(), depth + 1));
            }
        });
        return object;
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as {@code ["string", "null"]}. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private long integer(JsonNode schema) {
        long min = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : 1;
        long max = schema.has("maximum") ? (long) Math.floor(schema.get("maximum").asDouble()) : min + 9;
        return max <= min ? min : min + random.nextLong(Math.min(max - min, 10) + 1);
    }

    String string(JsonNode schema) {
        String format = schema.path("format").asString("");
        String value = switch (format) {
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date-time" -> ZonedDateTime.now(ZoneOffset.UTC).plusDays(1 + random.nextInt(30))
                .truncatedTo(ChronoUnit.SECONDS).toInstant().toString();
            case "date" -> LocalDate.now(ZoneOffset.UTC).plusDays(1 + random.nextInt(30)).toString();
            case "email" -> "fuzz" + random.nextInt(1000) + "@example.org";
            case "uri", "url" -> "https://example.org/fuzz/" + random.nextInt(1000);
            case "byte" -> "ZnV6eg==";
            default -> null;
        };
        if (value != null) {
            return value;
        }
        if (schema.has("pattern")) {
            String pattern = schema.get("pattern").asString().replaceFirst("^\\^", "").replaceFirst("\\$$", "");
            try {
                value = RgxGen.parse(pattern).generate(random);
            } catch (RuntimeException unsupported) {
                value = "fuzz";
            }
        } else {
            value = "fuzz-" + Integer.toString(random.nextInt(1 << 20), 36);
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('x');
        }
        return padded.length() > max ? padded.substring(0, Math.max(max, min)) : padded.toString();
    }
}
