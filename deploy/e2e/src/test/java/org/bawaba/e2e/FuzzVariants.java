package org.bawaba.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The malformed variants of one operation's ordinary request, each breaking one thing: a parameter (NUL,
 * invalid UTF-8, 100,000 characters, int and long bounds and beyond, a negative number, the wrong type,
 * path traversal, missing, repeated), a body field (null, the wrong type, NUL, a lone surrogate, 100,000
 * characters, huge and negative numbers, 5,000 levels of nesting, {@code []} for an object, missing, an
 * unknown one beside it), the whole body ({@code []}, {@code null}, a bare string, truncated, invalid UTF-8,
 * nested 5,000 deep, empty) or its content type (an unknown charset, multipart without a boundary, text,
 * XML, none).
 */
final class FuzzVariants {

    /** One variant; {@code category} is {@code param}, {@code body} or {@code content-type}. */
    record Variant(String name, String category, RequestShape shape) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String LONG = "a".repeat(100_000);

    private static final String DEEP = "[".repeat(5_000) + "]".repeat(5_000);

    /** Body fields tried one by one, at most (the rest of a large body is still sent as it is). */
    private static final int MAX_FIELDS = 12;

    private FuzzVariants() {
    }

    static List<Variant> of(RequestShape base) {
        List<Variant> variants = new ArrayList<>();
        for (ApiOperation.Parameter parameter : base.operation.parameters()) {
            parameterVariants(base, parameter, variants);
        }
        if (base.kind == RequestShape.Kind.JSON || base.kind == RequestShape.Kind.FORM
                || base.kind == RequestShape.Kind.MULTIPART) {
            List<String> fields = new ArrayList<>();
            leaves(base.json, "", fields);
            for (String field : fields.subList(0, Math.min(fields.size(), MAX_FIELDS))) {
                fieldVariants(base, field, variants);
            }
        }
        bodyVariants(base, variants);
        contentTypeVariants(base, variants);
        return variants;
    }

    private static void parameterVariants(RequestShape base, ApiOperation.Parameter parameter, List<Variant> out) {
        String type = SampleValues.type(base.operation.resolve(parameter.schema()) == null ? NODES.objectNode()
            : base.operation.resolve(parameter.schema()));
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("NUL", "fuzz%00x");
        values.put("invalid UTF-8", "%C3%28%FF%FE");
        values.put("100k characters", LONG);
        values.put("2147483647", "2147483647");
        values.put("2147483648", "2147483648");
        values.put("beyond long", "9223372036854775808");
        values.put("negative", "-1");
        values.put("below long", "-9223372036854775809");
        values.put("wrong type", "integer".equals(type) || "number".equals(type) || "boolean".equals(type)
            ? "abc" : "%7B%22a%22%3A1%7D");
        values.put("lone surrogate", "%ED%A0%80");
        if ("path".equals(parameter.in())) {
            values.put("path traversal", "..%2F..%2Factuator%2Fenv");
        } else {
            values.put("empty", "");
        }
        String where = parameter.in() + " " + parameter.name();
        values.forEach((label, value) -> {
            boolean unsendable = "header".equals(parameter.in()) && (value.contains("%") || value.length() > 8_000);
            if (!unsendable) { // Java's client sends no NUL, non-ASCII or overlong header: those stay untried
                out.add(variant(where + " " + label, "param", base, shape -> {
                    switch (parameter.in()) {
                        case "path" -> shape.path.put(parameter.name(), value);
                        case "header" -> shape.headers.put(parameter.name(), value);
                        default -> setQuery(shape, parameter.name(), value);
                    }
                }));
            }
        });
        if ("query".equals(parameter.in())) {
            if (parameter.required()) {
                out.add(variant(where + " missing", "param", base,
                    shape -> shape.query.removeIf(entry -> entry[0].equals(parameter.name()))));
            }
            out.add(variant(where + " repeated", "param", base, shape -> {
                setQuery(shape, parameter.name(), "1");
                shape.query.add(new String[] { parameter.name(), "%00" });
            }));
        }
    }

    private static void setQuery(RequestShape shape, String name, String value) {
        shape.query.removeIf(entry -> entry[0].equals(name));
        shape.query.add(new String[] { name, value });
    }

    private static void fieldVariants(RequestShape base, String field, List<Variant> out) {
        JsonNode current = at(base.json, field);
        List<Object[]> values = new ArrayList<>();
        values.add(new Object[] { "null", NODES.nullNode() });
        values.add(new Object[] { "wrong type", current != null && current.isString() ? NODES.numberNode(123)
            : NODES.stringNode("abc") });
        values.add(new Object[] { "NUL", NODES.stringNode("a\u0000b") });
        values.add(new Object[] { "100k characters", NODES.stringNode(LONG) });
        values.add(new Object[] { "2147483648", NODES.numberNode(2147483648L) });
        values.add(new Object[] { "beyond long", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")) });
        values.add(new Object[] { "negative", NODES.numberNode(-1) });
        values.add(new Object[] { "-1e308", NODES.numberNode(-1e308) });
        values.add(new Object[] { "[] for a value", NODES.arrayNode() });
        values.add(new Object[] { "object for a value", NODES.objectNode().put("a", 1) });
        for (Object[] value : values) {
            out.add(variant("body " + field + " " + value[0], "body", base,
                shape -> put(shape.json, field, (JsonNode) value[1])));
        }
        // what a tree cannot hold: a lone surrogate and 5,000 levels, spliced into the text
        out.add(textVariant(base, field, "lone surrogate", "\"\\ud800\""));
        out.add(textVariant(base, field, "nested 5000 deep", DEEP));
        out.add(textVariant(base, field, "1e999", "1e999"));
        out.add(variant("body " + field + " missing", "body", base, shape -> remove(shape.json, field)));
        out.add(variant("body " + field + " with an unknown sibling", "body", base,
            shape -> parentOf(shape.json, field).ifPresent(parent -> parent.put("fuzzUnknown", "x"))));
    }

    private static Variant textVariant(RequestShape base, String field, String label, String literal) {
        return variant("body " + field + " " + label, "body", base, shape -> {
            if (shape.kind != RequestShape.Kind.JSON) {
                put(shape.json, field, NODES.stringNode(literal));
                return;
            }
            put(shape.json, field, NODES.stringNode("@@FUZZ@@"));
            shape.raw = shape.json.toString().replace("\"@@FUZZ@@\"", literal).getBytes(StandardCharsets.UTF_8);
            shape.kind = RequestShape.Kind.RAW;
        });
    }

    private static void bodyVariants(RequestShape base, List<Variant> out) {
        boolean hasBody = base.kind != RequestShape.Kind.NONE;
        String json = hasBody && base.json != null ? base.json.toString() : "{\"a\":1}";
        Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("[] for the body", "[]".getBytes(StandardCharsets.UTF_8));
        bodies.put("null for the body", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("a string for the body", "\"x\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("{} for the body", "{}".getBytes(StandardCharsets.UTF_8));
        bodies.put("truncated body", json.substring(0, Math.max(1, json.length() / 2)).getBytes(StandardCharsets.UTF_8));
        bodies.put("nested 5000 deep", DEEP.getBytes(StandardCharsets.UTF_8));
        bodies.put("empty body", new byte[0]);
        byte[] invalid = ("{\"a\":\"" + "x").getBytes(StandardCharsets.UTF_8);
        byte[] utf8 = new byte[invalid.length + 4];
        System.arraycopy(invalid, 0, utf8, 0, invalid.length);
        utf8[invalid.length] = (byte) 0xC3;
        utf8[invalid.length + 1] = (byte) 0x28;
        utf8[invalid.length + 2] = '"';
        utf8[invalid.length + 3] = '}';
        bodies.put("invalid UTF-8 in the body", utf8);
        bodies.put("duplicate keys", (json.length() > 2 && json.startsWith("{\"")
            ? "{" + json.substring(1, json.indexOf(':') + 1) + "null," + json.substring(1) : "{\"a\":1,\"a\":2}")
            .getBytes(StandardCharsets.UTF_8));
        String type = hasBody && base.kind == RequestShape.Kind.JSON ? base.contentType : "application/json";
        bodies.forEach((label, bytes) -> out.add(variant(label, "body", base, shape -> {
            shape.kind = RequestShape.Kind.RAW;
            shape.raw = bytes;
            shape.contentType = type;
        })));
    }

    private static void contentTypeVariants(RequestShape base, List<Variant> out) {
        for (String type : List.of("application/json; charset=x-nope", "multipart/form-data",
                "text/plain", "application/xml", "application/x-www-form-urlencoded; charset=x-nope")) {
            out.add(variant("content type " + type, "content-type", base, shape -> {
                if (shape.kind == RequestShape.Kind.NONE) {
                    shape.kind = RequestShape.Kind.RAW;
                    shape.raw = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
                } else if (shape.kind != RequestShape.Kind.RAW) {
                    shape.raw = shape.render(false, Role.ANONYMOUS, null).body();
                    shape.kind = RequestShape.Kind.RAW;
                }
                shape.contentType = type;
            }));
        }
        out.add(variant("no content type", "content-type", base, shape -> {
            if (shape.kind != RequestShape.Kind.NONE && shape.kind != RequestShape.Kind.RAW) {
                shape.raw = shape.render(false, Role.ANONYMOUS, null).body();
                shape.kind = RequestShape.Kind.RAW;
            }
            shape.contentType = null;
        }));
    }

    private static Variant variant(String name, String category, RequestShape base, Consumer<RequestShape> change) {
        RequestShape shape = base.copy();
        change.accept(shape);
        return new Variant(name, category, shape);
    }

    /** Dotted paths of the scalar, array and empty-object values of a body, depth-first. */
    private static void leaves(JsonNode node, String prefix, List<String> out) {
        if (node == null || !node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            var field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                out.add(path);
                leaves(field.getValue(), path, out);
            } else {
                out.add(path);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static java.util.Optional<ObjectNode> parentOf(JsonNode root, String path) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
        return parent instanceof ObjectNode object ? java.util.Optional.of(object) : java.util.Optional.empty();
    }

    private static void put(JsonNode root, String path, JsonNode value) {
        parentOf(root, path).ifPresent(parent -> parent.set(path.substring(path.lastIndexOf('.') + 1), value));
    }

    private static void remove(JsonNode root, String path) {
        parentOf(root, path).ifPresent(parent -> parent.remove(path.substring(path.lastIndexOf('.') + 1)));
    }
}
