package org.bawaba.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request to one operation, in parts that a variant can break one at a time: path values and query
 * parameters (already percent-encoded, so a variant may put any bytes there), headers, and a body (JSON,
 * a form, a multipart upload, or raw bytes). Built from the matrix's declaration when it has one (real
 * resources, a body that is accepted), else from the document's schemas ({@link SampleValues}).
 */
final class RequestShape {

    enum Kind { NONE, JSON, FORM, MULTIPART, RAW }

    static final String BOUNDARY = "bawaba-fuzz-boundary";

    final ApiOperation operation;

    final Map<String, String> path = new LinkedHashMap<>();

    final List<String[]> query = new ArrayList<>();

    final Map<String, String> headers = new LinkedHashMap<>();

    Kind kind = Kind.NONE;

    JsonNode json;

    byte[] raw;

    String contentType;

    private RequestShape(ApiOperation operation) {
        this.operation = operation;
    }

    RequestShape copy() {
        RequestShape copy = new RequestShape(operation);
        copy.path.putAll(path);
        query.forEach(entry -> copy.query.add(entry.clone()));
        copy.headers.putAll(headers);
        copy.kind = kind;
        copy.json = json == null ? null : json.deepCopy();
        copy.raw = raw;
        copy.contentType = contentType;
        return copy;
    }

    /** The operation's ordinary request: declared values where the matrix has them, sample values otherwise. */
    static RequestShape base(ApiOperation operation, AuthorizationMatrix.Declaration declaration, Fixtures fixtures,
            Random random) {
        RequestShape shape = new RequestShape(operation);
        if (operation.stream()) {
            shape.headers.put("Accept", "text/event-stream");
        }
        SampleValues samples = new SampleValues(operation, random);
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            String declared = declaration == null ? null : declaration.path().get(parameter.name());
            switch (parameter.in()) {
                case "path" -> shape.path.put(parameter.name(),
                    encode(declared != null ? fixtures.fill(declared) : scalar(samples, parameter.schema(), operation)));
                case "header" -> shape.headers.put(parameter.name(), scalar(samples, parameter.schema(), operation));
                default -> {
                    if (parameter.required() && (declaration == null || declaration.query() == null)) {
                        shape.query.add(new String[] { parameter.name(),
                            encode(scalar(samples, parameter.schema(), operation)) });
                    }
                }
            }
        }
        if (declaration != null) {
            declaration.path().forEach((name, value) -> shape.path.putIfAbsent(name, encode(fixtures.fill(value))));
            if (declaration.query() != null) {
                for (String pair : fixtures.fill(declaration.query()).split("&")) {
                    int eq = pair.indexOf('=');
                    shape.query.add(eq < 0 ? new String[] { pair, "" }
                        : new String[] { pair.substring(0, eq), pair.substring(eq + 1) });
                }
            }
        }
        String declaredBody = declaration == null ? null : fixtures.fill(declaration.body());
        String declaredType = declaration == null ? null : declaration.contentType();
        if (declaredBody != null || declaredType != null) {
            shape.contentType = declaredType != null ? declaredType : "application/json";
            shape.body(declaredBody == null ? "{}" : declaredBody);
        } else if (!operation.bodies().isEmpty()) {
            var body = operation.bodies().entrySet().iterator().next();
            shape.contentType = body.getKey();
            shape.kind = kindOf(body.getKey());
            shape.json = samples.of(body.getValue());
            if (shape.kind == Kind.MULTIPART || shape.kind == Kind.FORM) {
                shape.json = formFields(operation, body.getValue(), samples);
            }
        }
        if (shape.kind == Kind.MULTIPART && !shape.contentType.contains("boundary=")) {
            shape.contentType = "multipart/form-data; boundary=" + BOUNDARY;
        }
        return shape;
    }

    private void body(String text) {
        kind = kindOf(contentType);
        try {
            json = Suite.json(text);
        } catch (RuntimeException notJson) {
            kind = Kind.RAW;
            raw = text.getBytes(StandardCharsets.UTF_8);
        }
        if (kind == Kind.FORM && json == null) {
            kind = Kind.RAW;
        }
    }

    private static Kind kindOf(String contentType) {
        if (contentType == null) {
            return Kind.NONE;
        }
        if (contentType.startsWith("multipart/")) {
            return Kind.MULTIPART;
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return Kind.FORM;
        }
        return contentType.contains("json") ? Kind.JSON : Kind.RAW;
    }

    /** The fields of a form or multipart body: files ({@code format: binary}) as {@code fuzz.pdf}. */
    private static ObjectNode formFields(ApiOperation operation, JsonNode schema, SampleValues samples) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        JsonNode resolved = operation.resolve(schema);
        if (resolved == null) {
            return fields;
        }
        resolved.path("properties").properties().forEach(property -> {
            JsonNode value = operation.resolve(property.getValue());
            if (property.getValue().path("$ref").asString("").endsWith("/Caller") || value == null) {
                return;
            }
            fields.put(property.getKey(), "binary".equals(value.path("format").asString(""))
                ? "fuzz.pdf" : samples.of(value).asString());
        });
        if (fields.isEmpty()) {
            fields.put("file", "fuzz.pdf");
        }
        return fields;
    }

    private static String scalar(SampleValues samples, JsonNode schema, ApiOperation operation) {
        JsonNode value = samples.of(schema);
        return value.isValueNode() ? value.asString() : value.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The request to send, to the gateway or ({@code direct}) to the service's own port. */
    ApiClient.Request render(boolean direct, Role role, String language) {
        String template = operation.path();
        for (var value : path.entrySet()) {
            template = template.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder url = new StringBuilder(direct ? operation.directBase() : operation.gatewayBase()).append(template);
        for (int i = 0; i < query.size(); i++) {
            url.append(i == 0 ? '?' : '&').append(query.get(i)[0]);
            if (query.get(i)[1] != null) {
                url.append('=').append(query.get(i)[1]);
            }
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (language != null) {
            all.put("Accept-Language", language);
        }
        ApiClient.Request request = new ApiClient.Request(operation.method(), url.toString(), role, all, null);
        byte[] body = switch (kind) {
            case NONE -> null;
            case JSON -> json.toString().getBytes(StandardCharsets.UTF_8);
            case FORM -> form().getBytes(StandardCharsets.UTF_8);
            case MULTIPART -> multipart();
            case RAW -> raw;
        };
        return body == null && contentType == null ? request : request.withBody(contentType, body);
    }

    private String form() {
        StringBuilder form = new StringBuilder();
        json.properties().forEach(field -> form.append(form.isEmpty() ? "" : "&").append(encode(field.getKey()))
            .append('=').append(encode(field.getValue().isValueNode() ? field.getValue().asString() : field.getValue().toString())));
        return form.toString();
    }

    private byte[] multipart() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.properties().forEach(field -> {
            String value = field.getValue().isValueNode() ? field.getValue().asString() : field.getValue().toString();
            StringBuilder part = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"")
                .append(field.getKey()).append('"');
            if (value.endsWith(".pdf") || value.endsWith(".csv")) {
                boolean pdf = value.endsWith(".pdf");
                part.append("; filename=\"").append(value).append("\"\r\nContent-Type: ")
                    .append(pdf ? "application/pdf" : "text/csv").append("\r\n\r\n")
                    .append(pdf ? "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n" : "a,b\n1,2\n");
            } else {
                part.append("\r\n\r\n").append(value);
            }
            out.writeBytes(part.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
