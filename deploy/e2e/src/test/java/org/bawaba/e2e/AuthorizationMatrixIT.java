package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The authorization matrix ({@code authorization-matrix.yaml}, {@link AuthorizationMatrix}) against the running
 * suite: every documented operation is declared, and every operation is tried as every {@link Role}, through
 * the gateway and directly on the service's own port (which skips the gateway's checks), on resources owned
 * by {@link Role#CITIZEN}, the ministry {@code moi} and {@link Role#SUPPLIER} ({@link Fixtures}).
 * <p>
 * A role the matrix refuses must be refused: 401 for anonymous, 403 or 404 for the others, and never a 2xx
 * (a leak) nor an answer that carries a private resource's content; nor may the strangers to every fixture
 * (anonymous, citizen2, mme-staff, supplier2) find that content where they are let through (a list, a search). A role the matrix lets through must not
 * get 401 or 403. The refused roles go first, for every operation; then the allowed roles, reads before
 * changes, so that an allowed change (closing a poll, withdrawing a bid) is tried last.
 */
class AuthorizationMatrixIT {

    /** Someone else to every private fixture: even where an operation lets them through, they see none of it. */
    private static final Set<Role> STRANGERS = java.util.EnumSet.of(Role.ANONYMOUS, Role.CITIZEN2, Role.OTHER_STAFF,
        Role.SUPPLIER2);

    /**
     * A gateway's answer that the service cannot be reached now (its breaker open, its time limit passed on a busy
     * machine) says nothing about who may call it: the request is sent again once the breaker may have closed
     * (open 10 s), at most this often, and every such answer is printed with the gateway's log of it.
     */
    private static final int UNAVAILABLE_RETRIES = 2;

    private static final Duration UNAVAILABLE_WAIT = Duration.ofSeconds(11);

    private final ApiClient client = new ApiClient();

    @Test
    void everyOperationInTheCatalogueIsDeclaredInTheMatrix() {
        ApiCatalogue catalogue = ApiCatalogue.load();
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        Set<String> undeclared = new TreeSet<>();
        Set<String> documented = new TreeSet<>();
        for (ApiOperation operation : catalogue.operations()) {
            documented.add(operation.service() + " " + operation.key());
            if (matrix.find(operation).isEmpty()) {
                undeclared.add(operation.service() + ": \"" + operation.key() + "\"");
            }
        }
        Set<String> documentedServices = new TreeSet<>();
        catalogue.operations().forEach(operation -> documentedServices.add(operation.service()));
        Set<String> stale = new TreeSet<>();
        for (AuthorizationMatrix.Declaration declaration : matrix.all()) {
            if (documentedServices.contains(declaration.service())
                    && !documented.contains(declaration.service() + " " + declaration.key())) {
                stale.add(declaration.service() + ": \"" + declaration.key() + "\"");
            }
        }
        assertThat(undeclared).as("operations of the OpenAPI documents that " + AuthorizationMatrix.FILE
            + " does not declare: say who may call each").isEmpty();
        assertThat(stale).as("operations " + AuthorizationMatrix.FILE + " declares that no document has any more")
            .isEmpty();
    }

    @Test
    void noRoleGetsWhatTheMatrixRefusesItThroughTheGatewayOrDirectly() {
        ApiCatalogue catalogue = ApiCatalogue.load();
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        Fixtures fixtures = new Fixtures(new Random().nextLong());
        fixtures.get("supplier2"); // "another supplier" is a registered one, not a stranger to procurement
        List<String> secrets = fixtures.privateWords();
        List<Probe> probes = new ArrayList<>();
        for (ApiOperation operation : ApiFuzzIT.operations(catalogue, matrix)) {
            matrix.find(operation).ifPresent(declaration -> {
                RequestShape shape = RequestShape.base(operation, declaration, fixtures, new Random(0));
                for (Role role : Role.values()) {
                    probes.add(new Probe(operation, declaration, shape, role));
                }
            });
        }
        List<String> leaks = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<Probe> ordered = new ArrayList<>();
        probes.stream().filter(p -> !p.allowed()).forEach(ordered::add);
        probes.stream().filter(p -> p.allowed() && p.operation().readOnly()).forEach(ordered::add);
        probes.stream().filter(p -> p.allowed() && !p.operation().readOnly() && p.declaration().probeAllowed())
            .forEach(ordered::add);
        int requests = 0;
        for (Probe probe : ordered) {
            if (probe.allowed() && !probe.declaration().probeAllowed()) {
                continue;
            }
            for (boolean direct : new boolean[] { false, true }) {
                if (direct && probe.operation().directBase() == null) {
                    continue;
                }
                String where = (direct ? "direct " : "gateway ") + probe.operation() + " as " + probe.role().key();
                ApiClient.Request request = probe.shape().render(direct, probe.role(), "en");
                ApiClient.Response response = client.send(request);
                requests++;
                for (int retry = 0; retry < UNAVAILABLE_RETRIES && response.isServiceUnavailable(); retry++) {
                    unavailable.add(where + " → " + response.status() + ", sent again in "
                        + UNAVAILABLE_WAIT.toSeconds() + " s");
                    ServiceState.sleep(UNAVAILABLE_WAIT.toMillis());
                    response = client.send(request);
                    requests++;
                }
                AuthorizationMatrix.Outcome expected = probe.declaration().expected(probe.role());
                if (!probe.allowed() && response.is2xx()) {
                    leaks.add(where + " → " + response.status() + " (expected " + expected + ")");
                } else if ((!probe.allowed() || STRANGERS.contains(probe.role()))
                        && secrets.stream().anyMatch(response.body()::contains)) {
                    leaks.add(where + " → " + response.status() + " with private content");
                } else if (!expected.accepts(response.status())) {
                    mismatches.add(where + " → " + response.status() + " (expected " + expected + ") "
                        + abbreviate(response.body()));
                }
            }
        }
        System.out.printf("%n==== Authorization matrix: %d operations × %d roles, %d requests; %d leaks, %d mismatches ====%n",
            probes.size() / Role.values().length, Role.values().length, requests, leaks.size(), mismatches.size());
        leaks.forEach(leak -> System.out.println("LEAK " + leak));
        unavailable.forEach(answer -> System.out.println("UNAVAILABLE " + answer));
        if (!unavailable.isEmpty()) {
            System.out.println("the gateway's log of those answers:");
            Suite.logLines("gateway", "50[34] on |[Bb]reaker", 40).forEach(line -> System.out.println("  " + line));
        }
        mismatches.forEach(mismatch -> System.out.println("MISMATCH " + mismatch));
        if (!fixtures.missing().isEmpty()) {
            System.out.println("fixtures that could not be made (a random id instead): " + fixtures.missing());
        }
        assertThat(leaks).as("leaks: a refused role got a 2xx or private content").isEmpty();
        assertThat(mismatches).as("answers other than the matrix declares").isEmpty();
    }

    private record Probe(ApiOperation operation, AuthorizationMatrix.Declaration declaration, RequestShape shape,
            Role role) {

        boolean allowed() {
            return declaration.expected(role) == AuthorizationMatrix.Outcome.ALLOW;
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
