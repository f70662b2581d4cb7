package org.bawaba.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The running suite's components as {@code ./bawaba run} starts them: {@code deploy/local/services.conf}
 * (name, port, module, database), with the launcher's overrides ({@code <NAME>_PORT},
 * {@code BAWABA_DB_PREFIX}), and, for agencies' own services, the agency and public path their
 * {@code application.yml} registers with.
 */
final class SuiteLayout {

    /** One Spring Boot application of the suite; {@code database} is null for those without one. */
    record Component(String name, int port, String module, String database, String agency, String publicPath) {

        boolean agencyService() {
            return agency != null;
        }

        String directUrl() {
            return "http://localhost:" + port;
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper();

    private static SuiteLayout current;

    private final List<Component> components;

    private SuiteLayout(List<Component> components) {
        this.components = components;
    }

    static synchronized SuiteLayout current() {
        if (current == null) {
            current = read(root());
        }
        return current;
    }

    List<Component> components() {
        return components;
    }

    Optional<Component> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    List<Component> agencyServices() {
        return components.stream().filter(Component::agencyService).toList();
    }

    /** The repository's root: the first folder up from the working directory that has the launcher's list. */
    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.exists(at.resolve("deploy/local/services.conf"))) {
                return at;
            }
        }
        throw new IllegalStateException("no deploy/local/services.conf above " + dir);
    }

    private static SuiteLayout read(Path root) {
        String prefix = Optional.ofNullable(System.getenv("BAWABA_DB_PREFIX")).filter(p -> !p.isBlank())
            .orElse(System.getProperty("bawaba.db-prefix", "bawaba"));
        List<Component> components = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(root.resolve("deploy/local/services.conf"))) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] columns = trimmed.split("\\s+");
                String name = columns[0];
                Path module = root.resolve(columns[2]);
                if (!Files.isDirectory(module.resolve("src/main/java"))) {
                    continue;
                }
                String override = System.getenv(name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT");
                int port = Integer.parseInt(override != null && !override.isBlank() ? override : columns[1]);
                String db = columns.length > 3 && !"-".equals(columns[3])
                    ? prefix + "_" + columns[3].replaceFirst("^bawaba_", "") : null;
                JsonNode bawaba = bawabaSettings(module);
                String agency = text(bawaba, "agency");
                components.add(new Component(name, port, columns[2], db, agency,
                    agency == null ? null : Optional.ofNullable(text(bawaba, "public-path")).orElse(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SuiteLayout(List.copyOf(components));
    }

    /** The {@code bawaba:} block of a module's {@code application.yml} (its first document), or null. */
    private static JsonNode bawabaSettings(Path module) throws IOException {
        Path yml = module.resolve("src/main/resources/application.yml");
        if (!Files.exists(yml)) {
            return null;
        }
        try (var parser = YAML.createParser(yml.toFile())) {
            JsonNode document = YAML.readTree(parser);
            return document == null ? null : document.get("bawaba");
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.get(field) == null || !node.get(field).isValueNode()) {
            return null;
        }
        String value = node.get(field).asString();
        return value.isBlank() || value.startsWith("${") ? null : value;
    }
}
