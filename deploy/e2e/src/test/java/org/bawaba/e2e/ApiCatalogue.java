package org.bawaba.e2e;

import static org.bawaba.e2e.Suite.GATEWAY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Every operation the gateway's API catalogue publishes: {@code /catalogue/swagger-config} lists one
 * OpenAPI document per routed service (see the gateway's {@code org.bawaba.gateway.catalogue}), each read
 * here through the gateway. Agencies' sample services are routed, and so listed, only while their agency
 * is onboarded: {@link #load()} onboards those that are not, through the auth service's API, first.
 */
final class ApiCatalogue {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static ApiCatalogue loaded;

    private final List<ApiOperation> operations;

    /** Listed services whose document could not be read (status and why), by name. */
    private final Map<String, String> missingDocuments;

    private ApiCatalogue(List<ApiOperation> operations, Map<String, String> missingDocuments) {
        this.operations = List.copyOf(operations);
        this.missingDocuments = Map.copyOf(missingDocuments);
    }

    List<ApiOperation> operations() {
        return operations;
    }

    Map<String, String> missingDocuments() {
        return missingDocuments;
    }

    static synchronized ApiCatalogue load() {
        if (loaded == null) {
            onboardAgencyServices();
            loaded = read();
        }
        return loaded;
    }

    /**
     * Onboards the agency of every sample service in services.conf that the auth service does not list
     * yet, keeping the services an agency already has, and waits until the gateway lists them all.
     */
    private static void onboardAgencyServices() {
        Role.SYSTEM.token(); // onboards moi with its service and the test-only system (Suite)
        JsonNode agencies = Suite.json(Suite.get(GATEWAY + "/api/auth/agencies", null).body());
        Map<String, String> names = agencyNames();
        for (SuiteLayout.Component service : SuiteLayout.current().agencyServices()) {
            Set<String> services = new LinkedHashSet<>();
            boolean listed = false;
            for (JsonNode agency : agencies) {
                if (service.agency().equals(agency.path("code").asString())) {
                    agency.path("services").forEach(s -> services.add(s.path("name").asString()));
                    listed = "ACTIVE".equals(agency.path("status").asString());
                }
            }
            if (listed && services.contains(service.publicPath())) {
                continue;
            }
            services.add(service.publicPath());
            var body = JsonNodeFactory.instance.objectNode();
            body.set("name", Suite.json(names.getOrDefault(service.agency(),
                "{\"en\":\"Agency " + service.agency() + "\",\"ar\":\"جهة " + service.agency() + "\"}")));
            var list = body.putArray("services");
            services.forEach(list::add);
            var onboarded = Suite.putJson(GATEWAY + "/api/auth/agencies/" + service.agency(), body.toString(),
                Role.ADMIN.token());
            if (onboarded.statusCode() != 200 && onboarded.statusCode() != 201) {
                throw new IllegalStateException("onboarding " + service.agency() + ": " + onboarded.statusCode() + " "
                    + onboarded.body());
            }
        }
        Suite.await(() -> Suite.get(GATEWAY + "/catalogue/swagger-config", null),
            response -> SuiteLayout.current().agencyServices().stream()
                .allMatch(service -> response.body().contains("\"" + service.name() + "\"")),
            Duration.ofSeconds(60));
    }

    /** The agencies' names in English and Arabic, as participation lists them, by code. */
    private static Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        var response = Suite.get(GATEWAY + "/api/participation/agencies", null);
        if (response.statusCode() == 200) {
            for (JsonNode agency : Suite.json(response.body())) {
                JsonNode name = agency.path("name");
                if (name.has("en") && name.has("ar")) {
                    names.put(agency.path("code").asString(), "{\"en\":" + name.get("en") + ",\"ar\":" + name.get("ar") + "}");
                }
            }
        }
        return names;
    }

    private static ApiCatalogue read() {
        var config = Suite.get(GATEWAY + "/catalogue/swagger-config", null);
        if (config.statusCode() != 200) {
            throw new IllegalStateException("the gateway's catalogue answered " + config.statusCode());
        }
        List<ApiOperation> operations = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (JsonNode entry : Suite.json(config.body()).get("urls")) {
            String name = entry.get("name").asString();
            String url = entry.get("url").asString();
            var response = Suite.await(() -> Suite.get(GATEWAY + url, null), r -> r.statusCode() < 500,
                Duration.ofSeconds(30));
            JsonNode document = response.statusCode() == 200 && response.body().startsWith("{")
                ? Suite.json(response.body()) : null;
            if (document == null || !document.has("paths")) {
                missing.put(name, response.statusCode() + " at " + url);
                continue;
            }
            String base = GATEWAY + url.substring(0, url.length() - "/v3/api-docs".length());
            String direct = "gateway".equals(name) ? null
                : SuiteLayout.current().component(name).map(SuiteLayout.Component::directUrl).orElse(null);
            document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(name, method.getKey(), path.getKey(), base, direct,
                        path.getValue(), method.getValue(), document));
                }
            }));
        }
        return new ApiCatalogue(operations, missing);
    }

    /**
     * An operation the matrix declares for a service that publishes no document (an agency's sample
     * service): its path parameters from the template, a JSON body when the declaration has one.
     */
    static ApiOperation declared(AuthorizationMatrix.Declaration declaration) {
        SuiteLayout.Component component = SuiteLayout.current().component(declaration.service())
            .orElseThrow(() -> new IllegalStateException(declaration.service() + " is not in services.conf"));
        String base = component.agencyService()
            ? GATEWAY + "/api/agencies/" + component.agency() + "/" + component.publicPath()
            : GATEWAY + "/api/" + component.name();
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        var names = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(declaration.pathTemplate());
        while (names.find()) {
            parameters.add(new ApiOperation.Parameter(names.group(1), "path", true,
                JsonNodeFactory.instance.objectNode().put("type", "string")));
        }
        Map<String, JsonNode> bodies = declaration.body() == null ? Map.of()
            : Map.of(declaration.contentType() == null ? "application/json" : declaration.contentType(),
                JsonNodeFactory.instance.objectNode().put("type", "object"));
        return new ApiOperation(declaration.service(), declaration.method(), declaration.pathTemplate(), base,
            component.directUrl(), parameters, bodies, false, JsonNodeFactory.instance.objectNode());
    }

    private static ApiOperation operation(String service, String method, String path, String base, String direct,
            JsonNode pathItem, JsonNode node, JsonNode document) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        List<JsonNode> declared = new ArrayList<>();
        pathItem.path("parameters").forEach(declared::add);
        node.path("parameters").forEach(declared::add);
        for (JsonNode parameter : declared) {
            JsonNode schema = parameter.path("schema");
            String in = parameter.path("in").asString();
            // the Caller argument is injected from the token; springdoc lists it as a query object
            boolean injected = schema.path("$ref").asString("").endsWith("/Caller");
            if (!injected && Set.of("path", "query", "header").contains(in)) {
                parameters.add(new ApiOperation.Parameter(parameter.path("name").asString(), in,
                    parameter.path("required").asBoolean(false) || "path".equals(in), schema));
            }
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        node.path("requestBody").path("content").properties()
            .forEach(content -> bodies.put(content.getKey(), content.getValue().path("schema")));
        boolean stream = node.path("responses").toString().contains("text/event-stream");
        return new ApiOperation(service, method.toUpperCase(java.util.Locale.ROOT), path, base, direct,
            List.copyOf(parameters), bodies, stream, document);
    }
}
