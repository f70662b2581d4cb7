package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Click to renew (issue 5, level 4), through the gateway with real Keycloak tokens and Kafka: the interior
 * ministry's own service issues citizen1 an ID card that expires within the renewal window; a platform
 * admin triggers the renewal notices; citizen1 finds the click-to-renew notice in the inbox, opens the
 * renewal prefilled from what the platform knows and submits it; the ministry's staff approve it; the
 * ministry's service issues the new card, and citizen1's credentials show the new expiry while the
 * application completes.
 */
class RenewalJourneyIT {

    private static final String AUTH = GATEWAY + "/api/auth/agencies/moi";
    private static final String MOI = GATEWAY + "/api/agencies/moi/identity";
    private static final String ESERVICES = GATEWAY + "/api/eservices";
    private static final String NOTIFICATIONS = GATEWAY + "/api/notifications";
    private static final ZoneId QATAR = ZoneId.of("Asia/Qatar");

    @Test
    void fromTheExpiryNoticeToTheRenewedCredential() {
        ExpiringCard setUp = expiringIdCard("citizen1");
        String card = setUp.card();
        LocalDate expiry = setUp.expiry();
        String citizen = setUp.citizen();
        String number = setUp.number();
        LocalDate today = LocalDate.now(QATAR);

        // the click-to-renew notice reaches citizen1's inbox, linking to the renewal
        String link = "/renewals/" + card;
        JsonNode inbox = awaitJson(() -> Suite.get(NOTIFICATIONS + "/me/notices?size=100", citizen),
            page -> notice(page, link).isPresent());
        JsonNode notice = notice(inbox, link).orElseThrow(() -> new AssertionError("no renewal notice in " + inbox));
        assertThat(notice.get("subject").asString()).isEqualTo("Your ID card expires on " + expiry + ": renew it in one click");
        assertThat(notice.get("category").asString()).isEqualTo("renewals");

        // the link opens the renewal prefilled; nobody else may open it
        var opened = Suite.get(ESERVICES + "/me/credentials/" + card + "/renewal", citizen);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        JsonNode offer = Suite.json(opened.body());
        assertThat(offer.get("service").get("code").asString()).isEqualTo("moi-id-card-proactive-renewal");
        assertThat(offer.get("formData").get("credentialId").asString()).isEqualTo(card);
        assertThat(offer.get("formData").get("currentExpiry").asString()).isEqualTo(expiry.toString());
        assertThat(offer.get("formData").get("idNumber").asString()).isEqualTo("28463400001");
        assertThat(offer.get("missing").size()).isZero();
        var stranger = Suite.get(ESERVICES + "/me/credentials/" + card + "/renewal", Suite.token("citizen2"));
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        // one click: submitted as it is
        var submitted = Suite.postJson(ESERVICES + "/me/credentials/" + card + "/renewal", "", citizen);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String application = Suite.json(submitted.body()).get("id").asString();
        assertThat(Suite.json(submitted.body()).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(Suite.postJson(ESERVICES + "/me/credentials/" + card + "/renewal", "", citizen).statusCode())
            .isEqualTo(409);

        // the ministry's staff review and approve it in their queue
        String staff = Suite.token("moi-staff");
        var review = Suite.postJson(ESERVICES + "/applications/" + application + "/start-review", "", staff);
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        var approved = Suite.postJson(ESERVICES + "/applications/" + application + "/approve", "", staff);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        // the ministry's service issues the new card; the platform marks the old one renewed
        JsonNode renewed = awaitJson(() -> Suite.get(ESERVICES + "/me/credentials", citizen),
            list -> find(list, card).map(c -> c.path("renewedBy").isString()).orElse(false));
        String newCard = find(renewed, card).orElseThrow().get("renewedBy").asString();
        assertThat(find(renewed, card).orElseThrow().get("state").asString()).isEqualTo("RENEWED");
        JsonNode replacement = find(renewed, newCard).orElseThrow();
        assertThat(replacement.get("replaces").asString()).isEqualTo(card);
        assertThat(replacement.get("type").asString()).isEqualTo("ID_CARD");
        assertThat(replacement.get("issuedOn").asString()).isEqualTo(today.toString());
        assertThat(replacement.get("expiresOn").asString()).isEqualTo(today.plusYears(5).toString());
        assertThat(replacement.get("state").asString()).isEqualTo("VALID");
        // the ministry's own records agree
        JsonNode ministryView = Suite.json(Suite.get(MOI + "/credentials/" + newCard, citizen).body());
        assertThat(ministryView.get("replaces").asString()).isEqualTo(card);
        assertThat(ministryView.get("number").asString()).isNotEqualTo(number);

        // and the renewal application is complete
        JsonNode done = awaitJson(() -> Suite.get(ESERVICES + "/applications/" + application, citizen),
            app -> "COMPLETED".equals(app.path("status").asString()));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(Suite.get(ESERVICES + "/me/credentials/" + card + "/renewal", citizen).statusCode()).isEqualTo(409);
    }

    private static String catalogueFile() {
        Path file = Path.of(System.getProperty("user.dir")).resolve("../../services/eservices/src/main/resources/catalogue/moi.json");
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Optional<JsonNode> find(JsonNode credentials, String id) {
        return credentials.valueStream().filter(c -> id.equals(c.path("id").asString())).findFirst();
    }

    private static Optional<JsonNode> notice(JsonNode page, String link) {
        return page.path("items").valueStream().filter(n -> link.equals(n.path("link").asString())).findFirst();
    }

    /** The JSON answer once it is 200 and satisfies {@code done}, or the last one after 90 s. */
    private static JsonNode awaitJson(Supplier<HttpResponse<String>> call, Predicate<JsonNode> done) {
        HttpResponse<String> last = await(call, response -> response.statusCode() == 200
            && done.test(Suite.json(response.body())));
        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        return Suite.json(last.body());
    }

    private static HttpResponse<String> await(Supplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> done) {
        return Suite.await(call, done, Duration.ofSeconds(90));
    }

    /** What {@link #expiringIdCard} set up: the card, its expiry, and the token of its holder. */
    record ExpiringCard(String card, LocalDate expiry, String citizen, String number) {
    }

    /**
     * The ministry's system issues {@code username} an ID card that expires within the renewal window,
     * the platform learns of it, and a platform admin sends the due click-to-renew notices.
     */
    static ExpiringCard expiringIdCard(String username) {
        // the ministry is onboarded (again: AgencyServiceIT may have run first), acting through its test-only system
        String ministry = Suite.ministrySystemToken();

        // the ministry's catalogue as in the repository, renewal services included (imported the documented way,
        // so that a suite database seeded before they existed has them too)
        var catalogue = Suite.putJson(ESERVICES + "/agencies/moi/catalogue", catalogueFile(), Suite.token("moi-admin"));
        assertThat(catalogue.statusCode()).as(catalogue.body()).isEqualTo(200);

        String citizen = Suite.token(username);
        String holder = Suite.claims(citizen).get("sub").asString();
        var routed = await(() -> Suite.get(MOI + "/credentials", citizen), response -> response.statusCode() != 404);
        assertThat(routed.statusCode()).as(routed.body()).isEqualTo(200);

        // the ministry's system issues citizen1 an ID card that expires in 20 days (the window is 60)
        LocalDate today = LocalDate.now(QATAR);
        LocalDate expiry = today.plusDays(20);
        String number = "ID" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        var issued = Suite.postJson(MOI + "/credentials", """
            {"citizen": "%s", "type": "ID_CARD", "number": "%s", "issuedOn": "%s", "expiresOn": "%s"}"""
            .formatted(holder, number, expiry.minusYears(5), expiry), ministry);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String card = Suite.json(issued.body()).get("id").asString();

        // the platform hears of it (credential.issued) and shows it among citizen1's credentials
        JsonNode known = awaitJson(() -> Suite.get(ESERVICES + "/me/credentials", citizen),
            list -> find(list, card).isPresent());
        assertThat(find(known, card).orElseThrow().get("state").asString()).isEqualTo("EXPIRING");

        // a platform admin sends the due notices now (the daily job does it at 06:00)
        var run = Suite.postJson(ESERVICES + "/credentials/renewal-notices", "", Suite.token("platform-admin"));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(Suite.json(run.body()).get("windowDays").asInt()).isEqualTo(60);
        assertThat(Suite.postJson(ESERVICES + "/credentials/renewal-notices", "", citizen).statusCode()).isEqualTo(403);
        return new ExpiringCard(card, expiry, citizen, number);
    }

}
