package org.bawaba.e2e;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One operation of one service, as its OpenAPI document describes it (or, for a service that publishes
 * none, as the authorization matrix declares it).
 *
 * @param service the catalogue's name of the service ({@code gateway} for the gateway's own endpoints)
 * @param method upper case
 * @param path the document's path template, e.g. {@code /applications/{id}}
 * @param gatewayBase where the gateway serves the service, e.g. {@code http://localhost:8080/api/eservices}
 * @param directBase the service's own port, e.g. {@code http://localhost:8081}, or null (the gateway)
 * @param parameters path, query and header parameters (the injected {@code Caller} left out)
 * @param bodies request body schemas by content type (empty: no body)
 * @param stream whether it answers a live {@code text/event-stream}
 * @param document the whole document, for {@code $ref}s
 */
record ApiOperation(String service, String method, String path, String gatewayBase, String directBase,
        List<Parameter> parameters, Map<String, JsonNode> bodies, boolean stream, JsonNode document) {

    /** One parameter; {@code in} is {@code path}, {@code query} or {@code header}. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** {@code METHOD /path}, the key the matrix declares the operation under. */
    String key() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return service + " " + key();
    }

    boolean readOnly() {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** The schema a {@code $ref} points to in this operation's document; other schemas as they are. */
    JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int depth = 0; at != null && at.has("$ref") && depth < 20; depth++) {
            String ref = at.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                return null;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target == null ? null : target.get(part.replace("~1", "/").replace("~0", "~"));
            }
            at = target;
        }
        return at;
    }
}
