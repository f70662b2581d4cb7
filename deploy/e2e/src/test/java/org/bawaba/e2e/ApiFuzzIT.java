package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input on every operation of the API catalogue, found by itself: each service's OpenAPI document
 * (and, for a service that publishes none, the operations the authorization matrix declares for it) gives
 * the operations; per operation, malformed variants of each parameter and body ({@link FuzzVariants}) are sent
 * through the gateway as the {@link Role}s, half of them with {@code Accept-Language: ar}. It asserts:
 * <ul>
 * <li>no 5xx;</li>
 * <li>every 4xx is {@code application/problem+json} with a title in the caller's language (Arabic letters for
 * {@code ar}, none for {@code en}; a request line too long for the gateway is refused before its headers, so
 * its language, are read: that 414 is in English);</li>
 * <li>nothing changed by a refused request: the row counts of the service's tables and the records on its
 * Kafka topics ({@link ServiceState}) are as before (a change is confirmed by sending the request once more,
 * so background work is not blamed on it).</li>
 * </ul>
 * Short mode (the default, in {@code ./bawaba test}): {@value #SHORT_VARIANTS} variants per operation, drawn
 * from a seed, each kind of variant represented. Long mode ({@code -Dbawaba.fuzz=long}): every variant. The
 * seed is printed; {@code -Dbawaba.fuzz.seed=<seed>} draws the same variants and values again, and
 * {@code -Dbawaba.fuzz.only=<part of "service METHOD /path">} narrows a run to some operations. A 429 is the
 * gateway's rate limit, not a finding: requests are paced under it and a 429 is waited out.
 */
class ApiFuzzIT {

    static final int SHORT_VARIANTS = 12;

    private static final Pattern ARABIC = Pattern.compile("[\\u0600-\\u06FF]");

    /**
     * Operations that answer errors in another standard's format on purpose, so its clients understand them:
     * open data's CKAN-compatible Action API ({@code {"success": false, "error": …}}). They must still never
     * answer 5xx nor change anything when they refuse.
     */
    private static final Set<String> OWN_ERROR_FORMAT = Set.of("opendata GET /api/3/action/{action}",
        "opendata POST /api/3/action/{action}", "opendata GET /api/action/{action}", "opendata POST /api/action/{action}");

    private final ApiClient client = new ApiClient();

    @Test
    void everyOperationRefusesMalformedInputWithAProblemInTheCallersLanguageAndChangesNothing() {
        String mode = System.getProperty("bawaba.fuzz", "short").isBlank() ? "short" : System.getProperty("bawaba.fuzz");
        String seedProperty = System.getProperty("bawaba.fuzz.seed", "");
        long seed = seedProperty.isBlank() ? new Random().nextLong() : Long.parseLong(seedProperty.strip());
        String only = System.getProperty("bawaba.fuzz.only", "");
        System.out.printf("API fuzz: %s mode, seed %d (replay with -Dbawaba.fuzz.seed=%d)%n", mode, seed, seed);

        ApiCatalogue catalogue = ApiCatalogue.load();
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        List<ApiOperation> operations = operations(catalogue, matrix).stream()
            .filter(operation -> only.isBlank() || operation.toString().contains(only)).toList();
        assertThat(operations).as("operations in the catalogue").isNotEmpty();

        Fixtures fixtures = new Fixtures(seed);
        // every ordinary request first, so that the resources it names are made before any is fuzzed
        List<Planned> plans = new ArrayList<>();
        for (ApiOperation operation : operations) {
            Random random = new Random(seed ^ operation.toString().hashCode());
            var declaration = matrix.find(operation).orElse(null);
            plans.add(new Planned(operation, declaration, RequestShape.base(operation, declaration, fixtures, random),
                random));
        }
        FuzzReport report = new FuzzReport(seed, mode);
        try (ServiceState state = new ServiceState()) {
            String service = null;
            for (Planned plan : plans) {
                if (!plan.operation().service().equals(service)) {
                    service = plan.operation().service();
                    String name = service;
                    System.out.printf("API fuzz: %s, %d operations%n", name,
                        operations.stream().filter(o -> o.service().equals(name)).count());
                }
                fuzz(plan, state, report, "long".equals(mode));
            }
            System.out.println(report.summary(catalogue.missingDocuments(), fixtures.missing(), state.uncounted()));
        }
        assertThat(report.findings()).as("findings (see the summary above)").isEmpty();
    }

    /** The catalogue's operations, and the matrix's for services whose document the gateway could not serve. */
    static List<ApiOperation> operations(ApiCatalogue catalogue, AuthorizationMatrix matrix) {
        List<ApiOperation> operations = new ArrayList<>(catalogue.operations());
        Set<String> documented = new LinkedHashSet<>();
        catalogue.operations().forEach(operation -> documented.add(operation.service()));
        for (AuthorizationMatrix.Declaration declaration : matrix.all()) {
            if (!documented.contains(declaration.service())
                    && SuiteLayout.current().component(declaration.service()).isPresent()) {
                operations.add(ApiCatalogue.declared(declaration));
            }
        }
        operations.sort(Comparator.comparing(ApiOperation::service).thenComparing(ApiOperation::path)
            .thenComparing(ApiOperation::method));
        return operations;
    }

    /** One operation's ordinary request, its declaration (or null) and the values its variants are drawn from. */
    private record Planned(ApiOperation operation, AuthorizationMatrix.Declaration declaration, RequestShape base,
            Random random) {
    }

    private void fuzz(Planned plan, ServiceState state, FuzzReport report, boolean all) {
        ApiOperation operation = plan.operation();
        var declaration = plan.declaration();
        Random random = plan.random();
        List<FuzzVariants.Variant> variants = choose(FuzzVariants.of(plan.base()), random, all);
        Set<Role> allowed = declaration == null || declaration.allowed().isEmpty() ? EnumSet.noneOf(Role.class)
            : EnumSet.copyOf(declaration.allowed());
        Set<Role> callers = EnumSet.allOf(Role.class);
        if (declaration != null && !declaration.probeAllowed()) {
            // its success would change what other tests rely on: only the roles it refuses try it
            callers.removeAll(allowed);
            allowed.clear();
        }
        if (callers.isEmpty()) {
            return;
        }
        boolean stateful = !"gateway".equals(operation.service());
        ServiceState.Snapshot before = stateful ? state.take(operation.service()) : null;
        report.covered(operation);
        for (FuzzVariants.Variant variant : variants) {
            Role role = role(allowed, callers, random);
            String language = random.nextBoolean() ? "ar" : "en";
            ApiClient.Request request = variant.shape().render(false, role, language);
            ApiClient.Response response = sendRetryingTimeouts(request);
            report.answered(response.status());
            check(operation, variant, role, language, response, report);
            if (!stateful) {
                continue;
            }
            if (response.is2xx()) {
                // an accepted change settles first (its events leave through the outbox); a read changes nothing
                before = operation.readOnly() ? state.take(operation.service()) : state.settled(operation.service());
                continue;
            }
            ServiceState.Snapshot after = state.take(operation.service());
            List<String> changes = after.changesSince(before);
            if (!changes.isEmpty()) {
                // sent again from a settled state: a change that comes back is the request's doing
                ServiceState.Snapshot settled = state.settled(operation.service());
                ApiClient.Response again = client.send(request);
                report.answered(again.status());
                ServiceState.Snapshot replayed = state.take(operation.service());
                List<String> confirmed = again.is2xx() ? List.of() : replayed.changesSince(settled);
                if (confirmed.isEmpty()) {
                    report.unconfirmedChange();
                } else {
                    report.add(new FuzzReport.Finding("changed by a refused request", operation, variant.name(), role,
                        language, again.status(), String.join(", ", confirmed)));
                }
                after = state.settled(operation.service());
            }
            before = after;
        }
    }

    /**
     * The gateway answers 503/504 itself when a service is slow on a busy machine or its breaker is open:
     * such an answer is tried again once, 2 s later, before it counts.
     */
    private ApiClient.Response sendRetryingTimeouts(ApiClient.Request request) {
        ApiClient.Response response = client.send(request);
        if (response.status() == 503 || response.status() == 504) {
            ServiceState.sleep(2000);
            response = client.send(request);
        }
        return response;
    }

    private static void check(ApiOperation operation, FuzzVariants.Variant variant, Role role, String language,
            ApiClient.Response response, FuzzReport report) {
        int status = response.status();
        if (response.is5xx()) {
            report.add(new FuzzReport.Finding("5xx", operation, variant.name(), role, language, status,
                response.failure() != null ? response.failure() : abbreviate(response.body())));
            return;
        }
        if (status < 400 || status == 429 || OWN_ERROR_FORMAT.contains(operation.toString())) {
            return;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            report.add(new FuzzReport.Finding("4xx not problem+json", operation, variant.name(), role, language, status,
                "Content-Type '" + response.contentType() + "' " + abbreviate(response.body())));
            return;
        }
        String title;
        try {
            JsonNode problem = Suite.json(response.body());
            title = problem.path("title").asString("");
        } catch (RuntimeException notJson) {
            title = "";
        }
        if (title.isBlank()) {
            report.add(new FuzzReport.Finding("4xx without a title", operation, variant.name(), role, language, status,
                abbreviate(response.body())));
        } else if (status == 414 && variant.name().endsWith("100k characters")) {
            // a request line past the gateway's limit is refused before its headers are read, so before it knows
            // the caller's language: English, as the gateway's ErrorsOverHttpTest documents
            return;
        } else if ("ar".equals(language) != ARABIC.matcher(title).find()) {
            report.add(new FuzzReport.Finding("4xx not in the caller's language", operation, variant.name(), role,
                language, status, "title '" + title + "'"));
        }
    }

    /**
     * Short mode: {@value #SHORT_VARIANTS} variants, at least one of each kind there is (parameter, body,
     * content type), the rest drawn from the others; long mode: all of them.
     */
    private static List<FuzzVariants.Variant> choose(List<FuzzVariants.Variant> pool, Random random, boolean all) {
        if (all || pool.size() <= SHORT_VARIANTS) {
            return pool;
        }
        List<FuzzVariants.Variant> shuffled = new ArrayList<>(pool);
        java.util.Collections.shuffle(shuffled, random);
        List<FuzzVariants.Variant> chosen = new ArrayList<>();
        for (String category : List.of("param", "body", "content-type")) {
            shuffled.stream().filter(v -> v.category().equals(category)).findFirst().ifPresent(chosen::add);
        }
        for (FuzzVariants.Variant variant : shuffled) {
            if (chosen.size() >= SHORT_VARIANTS) {
                break;
            }
            if (!chosen.contains(variant)) {
                chosen.add(variant);
            }
        }
        return chosen;
    }

    /** Mostly a role the matrix lets through (so the variant reaches the operation's own checks), else any caller. */
    private static Role role(Set<Role> allowed, Set<Role> callers, Random random) {
        List<Role> pool = new ArrayList<>(!allowed.isEmpty() && random.nextInt(10) < 7 ? allowed : callers);
        return pool.get(random.nextInt(pool.size()));
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
