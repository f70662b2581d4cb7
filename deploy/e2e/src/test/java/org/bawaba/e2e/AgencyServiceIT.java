package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An agency's own service on the platform: the interior ministry's sample service {@code moi-identity}
 * (started by {@code ./bawaba run}, registered in Eureka as agency {@code moi}, public path
 * {@code identity}) is routed at {@code /api/agencies/moi/identity/**} once the agency is onboarded
 * through the auth service's API, answers the ministry's own client and the citizens, and stops being
 * routed while the agency is offboarded — with no gateway change or restart.
 */
class AgencyServiceIT {

    private static final String AUTH = GATEWAY + "/api/auth/agencies/moi";
    private static final String SERVICE = GATEWAY + "/api/agencies/moi/identity";
    private static final String PORTAL_PAGE = GATEWAY + "/en/agencies/moi/identity";
    private static final String MOI = """
        {"name": {"en": "Ministry of Interior", "ar": "وزارة الداخلية"}, "services": ["identity"]}""";

    @Test
    void onboardedTheMinistrysServiceIsRoutedAndAnswersItsOwnClientAndCitizens() {
        String admin = Suite.token("platform-admin");
        // onboarded, with a test-only system of the ministry's own (moi-identity's own secret is left alone)
        String clientToken = Suite.ministrySystemToken();

        String citizen = Suite.token("citizen2");
        var routed = await(() -> Suite.get(SERVICE + "/credentials", citizen), response -> response.statusCode() != 404);
        assertThat(routed.statusCode()).as(routed.body()).isEqualTo(200);

        // the ministry's own system issues a residence permit to citizen2 through the gateway
        String holder = Suite.claims(citizen).get("sub").asString();
        String number = "RP" + (System.nanoTime() % 10_000_000);
        var issued = Suite.postJson(SERVICE + "/credentials", """
            {"citizen": "%s", "type": "RESIDENCE_PERMIT", "number": "%s",
             "issuedOn": "2025-03-01", "expiresOn": "2027-02-28"}""".formatted(holder, number), clientToken);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode mine = Suite.json(Suite.get(SERVICE + "/credentials", citizen).body());
        assertThat(mine.toString()).contains(number);
        // another agency's staff cannot issue at the ministry's service
        assertThat(Suite.postJson(SERVICE + "/credentials", "{}", Suite.token("mme-staff")).statusCode()).isIn(400, 403);

        // offboarded: the route goes; onboarded again: it comes back
        var offboarded = Suite.send(HttpRequest.newBuilder(URI.create(AUTH))
            .header("Authorization", "Bearer " + admin).DELETE().build());
        assertThat(offboarded.statusCode()).isEqualTo(204);
        assertThat(await(() -> Suite.get(SERVICE + "/credentials", citizen), response -> response.statusCode() == 404)
            .statusCode()).isEqualTo(404);
        // and so does the ministry's page on the portal, which calls the service through the gateway: 404, with
        // a word in the page's language that the service is not online
        var gone = Suite.get(PORTAL_PAGE, citizen);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("id=\"unavailable\"");
        assertThat(Suite.putJson(AUTH, MOI, admin).statusCode()).isEqualTo(200);
        assertThat(await(() -> Suite.get(SERVICE + "/credentials", citizen), response -> response.statusCode() == 200)
            .statusCode()).isEqualTo(200);
        var page = await(() -> Suite.get(PORTAL_PAGE, citizen), response -> response.statusCode() == 200);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(number);
    }

    /** Asks until the answer satisfies {@code done} or 60 s passed (the gateway re-reads the directory every 10 s). */
    private static HttpResponse<String> await(java.util.function.Supplier<HttpResponse<String>> call,
            Predicate<HttpResponse<String>> done) {
        return Suite.await(call, done, Duration.ofSeconds(60));
    }

}
