package org.bawaba.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a fuzz run saw: operations covered, requests, answers by status class, and every finding (a 5xx, a
 * 4xx that is not problem+json in the caller's language, a refused request that changed something), each
 * with what replays it.
 */
final class FuzzReport {

    /** One finding: what was sent, as whom, and what came back. */
    record Finding(String kind, ApiOperation operation, String variant, Role role, String language, int status,
            String detail) {

        String line(long seed) {
            return "%s %s %s [%s] as %s (%s) → %d%s; seed %d".formatted(operation.service(), operation.method(),
                operation.path(), variant, role.key(), language, status, detail == null || detail.isBlank() ? ""
                    : ": " + detail, seed);
        }
    }

    private final long seed;

    private final String mode;

    private final long started = System.nanoTime();

    private final Set<String> operations = new LinkedHashSet<>();

    private final Map<String, Integer> classes = new TreeMap<>();

    private final List<Finding> findings = new ArrayList<>();

    private int requests;

    private int unconfirmedChanges;

    FuzzReport(long seed, String mode) {
        this.seed = seed;
        this.mode = mode;
    }

    void covered(ApiOperation operation) {
        operations.add(operation.toString());
    }

    void answered(int status) {
        requests++;
        classes.merge(status == 0 ? "no answer" : (status / 100) + "xx", 1, Integer::sum);
    }

    void unconfirmedChange() {
        unconfirmedChanges++;
    }

    void add(Finding finding) {
        findings.add(finding);
    }

    List<Finding> findings() {
        return findings;
    }

    List<Finding> findings(String kind) {
        return findings.stream().filter(f -> f.kind().equals(kind)).toList();
    }

    String summary(Map<String, String> missingDocuments, List<String> missingFixtures,
            Map<String, List<String>> uncounted) {
        StringBuilder out = new StringBuilder();
        out.append("\n==== API fuzz (").append(mode).append(" mode, seed ").append(seed).append(") ====\n");
        out.append("operations covered: ").append(operations.size()).append('\n');
        out.append("requests: ").append(requests).append(" in ")
            .append(Duration.ofNanos(System.nanoTime() - started).toSeconds()).append(" s\n");
        out.append("answers: ").append(classes).append('\n');
        if (unconfirmedChanges > 0) {
            out.append("changes seen beside a refused request but not when it was sent again (background work): ")
                .append(unconfirmedChanges).append('\n');
        }
        Map<String, List<Finding>> byKind = new LinkedHashMap<>();
        findings.forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        if (!byKind.containsKey("5xx")) {
            out.append("5xx: none\n");
        }
        byKind.forEach((kind, list) -> {
            out.append(kind).append(": ").append(list.size()).append('\n');
            list.forEach(f -> out.append("  ").append(f.line(seed)).append('\n'));
        });
        if (!missingDocuments.isEmpty()) {
            out.append("services without a readable OpenAPI document (their operations come from the matrix): ")
                .append(missingDocuments).append('\n');
        }
        if (!missingFixtures.isEmpty()) {
            out.append("fixtures that could not be made (a random id instead): ").append(missingFixtures).append('\n');
        }
        if (!uncounted.isEmpty()) {
            out.append("tables too large to count on every request: ").append(uncounted).append('\n');
        }
        out.append("replay: -Dbawaba.fuzz.seed=").append(seed).append(" -Dbawaba.fuzz=").append(mode)
            .append(" [-Dbawaba.fuzz.only='<service> <METHOD> <path>']\n");
        return out.toString();
    }
}
