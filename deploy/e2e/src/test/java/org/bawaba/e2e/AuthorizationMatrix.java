package org.bawaba.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The authorization matrix, declared once in {@code authorization-matrix.yaml}: per service, per operation
 * ({@code METHOD /path} as in the service's OpenAPI document), who may call it, and the request that tries it
 * (path values, query, body, with {@code ${fixture}} names from {@link Fixtures}). See deploy/e2e/README.md.
 */
final class AuthorizationMatrix {

    static final String FILE = "authorization-matrix.yaml";

    /** What a role must get. */
    enum Outcome {
        /** Let through: neither 401 nor 403, and no 5xx. */
        ALLOW,
        /** Exactly 401: no or no valid token. */
        UNAUTHORIZED,
        /** Refused: 403, or 404 for someone else's resource. */
        DENY,
        /** Exactly 403. */
        FORBIDDEN,
        /** Exactly 404. */
        NOT_FOUND;

        boolean accepts(int status) {
            return switch (this) {
                case ALLOW -> status != 401 && status != 403 && status < 500 && status != 0;
                case UNAUTHORIZED -> status == 401;
                case DENY -> status == 403 || status == 404;
                case FORBIDDEN -> status == 403;
                case NOT_FOUND -> status == 404;
            };
        }
    }

    /**
     * One declared operation.
     *
     * @param allowed the roles let through
     * @param exact roles whose refusal must be one status ({@code expect:})
     * @param path path values by parameter name (may hold {@code ${fixture}})
     * @param query the raw query string, or null
     * @param body the JSON (or form) body, or null
     * @param contentType the body's type (default {@code application/json} when there is a body)
     * @param probeAllowed false: the allowed roles are not sent (an operation whose success would harm the
     * suite's other tests); the refused ones still are
     */
    record Declaration(String service, String key, Set<Role> allowed, Map<Role, Outcome> exact,
            Map<String, String> path, String query, String body, String contentType, boolean probeAllowed) {

        Outcome expected(Role role) {
            if (allowed.contains(role)) {
                return Outcome.ALLOW;
            }
            return exact.getOrDefault(role, role == Role.ANONYMOUS ? Outcome.UNAUTHORIZED : Outcome.DENY);
        }

        String method() {
            return key.substring(0, key.indexOf(' '));
        }

        String pathTemplate() {
            return key.substring(key.indexOf(' ') + 1);
        }
    }

    private final Map<String, Map<String, Declaration>> declarations;

    private AuthorizationMatrix(Map<String, Map<String, Declaration>> declarations) {
        this.declarations = declarations;
    }

    static AuthorizationMatrix load() {
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the test classpath");
            }
            return parse(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthorizationMatrix parse(JsonNode root) {
        Map<String, Map<String, Declaration>> all = new LinkedHashMap<>();
        root.properties().forEach(service -> {
            Map<String, Declaration> operations = new LinkedHashMap<>();
            service.getValue().properties().forEach(operation -> operations.put(operation.getKey(),
                declaration(service.getKey(), operation.getKey(), operation.getValue())));
            all.put(service.getKey(), operations);
        });
        return new AuthorizationMatrix(all);
    }

    Optional<Declaration> find(String service, String key) {
        return Optional.ofNullable(declarations.getOrDefault(service, Map.of()).get(key));
    }

    Optional<Declaration> find(ApiOperation operation) {
        return find(operation.service(), operation.key());
    }

    List<Declaration> all() {
        List<Declaration> all = new ArrayList<>();
        declarations.values().forEach(operations -> all.addAll(operations.values()));
        return all;
    }

    List<Declaration> of(String service) {
        return List.copyOf(declarations.getOrDefault(service, Map.of()).values());
    }

    private static Declaration declaration(String service, String key, JsonNode node) {
        if (!key.matches("(GET|PUT|POST|DELETE|PATCH) /\\S*")) {
            throw new IllegalArgumentException(FILE + ": '" + key + "' of " + service + " is not 'METHOD /path'");
        }
        JsonNode allow = node.isString() ? node : node.path("allow");
        Set<Role> allowed = roles(allow, service + " " + key);
        Map<Role, Outcome> exact = new EnumMap<>(Role.class);
        if (node.has("refused")) {
            Outcome refused = outcome(node.get("refused").asString(), service, key);
            for (Role role : Role.values()) {
                if (!allowed.contains(role)) {
                    exact.put(role, refused);
                }
            }
        }
        node.path("expect").properties()
            .forEach(expect -> exact.put(Role.of(expect.getKey()), outcome(expect.getValue().asString(), service, key)));
        Map<String, String> path = new LinkedHashMap<>();
        node.path("path").properties().forEach(value -> path.put(value.getKey(), value.getValue().asString()));
        JsonNode body = node.path("body");
        String text = body.isMissingNode() || body.isNull() ? null : body.isString() ? body.asString() : body.toString();
        return new Declaration(service, key, allowed, exact, path, node.path("query").asString(null), text,
            node.path("contentType").asString(null), node.path("probeAllowed").asBoolean(true));
    }

    private static Outcome outcome(String status, String service, String key) {
        return switch (status) {
            case "401" -> Outcome.UNAUTHORIZED;
            case "403" -> Outcome.FORBIDDEN;
            case "404" -> Outcome.NOT_FOUND;
            case "deny" -> Outcome.DENY;
            default -> throw new IllegalArgumentException(FILE + ": " + service + " " + key
                + ": a refusal is 401, 403, 404 or deny, not " + status);
        };
    }

    private static Set<Role> roles(JsonNode allow, String where) {
        if (allow.isString()) {
            return switch (allow.asString()) {
                case "public" -> EnumSet.allOf(Role.class);
                case "signedIn" -> EnumSet.complementOf(EnumSet.of(Role.ANONYMOUS));
                case "nobody" -> EnumSet.noneOf(Role.class);
                default -> throw new IllegalArgumentException(FILE + ": " + where + ": allow is public, signedIn, "
                    + "nobody or a list of roles, not " + allow.asString());
            };
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        allow.forEach(role -> roles.add(Role.of(role.asString())));
        return roles;
    }
}
