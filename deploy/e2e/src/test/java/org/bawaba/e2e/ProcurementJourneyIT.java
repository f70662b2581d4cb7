package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The procurement journey through the gateway with real Keycloak tokens: moi publishes a tender whose
 * submission deadline and opening are seconds away, supplier1 and supplier2 bid, nobody (the agency
 * included) reads a bid before the opening, the opening job opens them at their time, moi evaluates and
 * awards, and the award appears in the OCDS release package.
 */
class ProcurementJourneyIT {

    private static final String API = GATEWAY + "/api/procurement";

    @Test
    void anAgencyPublishesTwoSuppliersBidTheBidsOpenAndTheAwardIsPublishedAsOcds() {
        String staff = Suite.token("moi-staff");
        String supplier1 = Suite.token("supplier1");
        String supplier2 = Suite.token("supplier2");
        String name1 = supplierName(supplier1, "Haddad Systems", "حداد للأنظمة");
        String name2 = supplierName(supplier2, "Mansour Technologies", "منصور للتقنيات");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var draft = Suite.postJson(API + "/tenders", """
            {"title":{"en":"Network switches for schools","ar":"محولات شبكية للمدارس"},
             "description":{"en":"120 managed switches","ar":"120 محولاً مداراً"},
             "category":"it-equipment","estimatedValue":{"amount":480000,"currency":"QAR"},
             "criteria":[{"name":{"en":"Price","ar":"السعر"},"weight":100}],
             "clarificationDeadline":"%s","submissionDeadline":"%s","openingTime":"%s"}"""
            .formatted(now.plusSeconds(8), now.plusSeconds(12), now.plusSeconds(14)), staff);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String id = Suite.json(draft.body()).get("id").asString();
        JsonNode published = ok(Suite.postJson(API + "/tenders/" + id + "/publish", "", staff));
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        String ocid = published.get("ocid").asString();
        assertThat(Suite.get(API + "/tenders/" + id, null).statusCode()).isEqualTo(200);

        var bid1 = Suite.postJson(API + "/tenders/" + id + "/bids", bid("455000.00"), supplier1);
        var bid2 = Suite.postJson(API + "/tenders/" + id + "/bids", bid("439500.00"), supplier2);
        assertThat(bid1.statusCode()).as(bid1.body()).isEqualTo(201);
        assertThat(bid2.statusCode()).as(bid2.body()).isEqualTo(201);
        String bid1Id = Suite.json(bid1.body()).get("id").asString();
        String bid2Id = Suite.json(bid2.body()).get("id").asString();
        assertThat(Suite.json(bid2.body()).get("receipt").get("signature").asString()).isNotBlank();

        var sealed = Suite.get(API + "/tenders/" + id + "/bids", staff);
        assertThat(sealed.statusCode()).as(sealed.body()).isEqualTo(403);
        assertThat(sealed.body()).contains("bids-sealed").doesNotContain("455000").doesNotContain("439500");
        assertThat(Suite.get(API + "/tenders/" + id + "/bids/" + bid1Id, supplier2).statusCode()).isEqualTo(404);

        JsonNode opened = waitForOpening(id);
        assertThat(opened.get("openedAt").asString()).isNotBlank();
        JsonNode opening = ok(Suite.get(API + "/tenders/" + id + "/opening", null));
        assertThat(opening.get("bids").valueStream().map(b -> b.get("supplierName").asString()))
            .containsExactlyInAnyOrder(name1, name2);

        ok(Suite.postJson(API + "/tenders/" + id + "/evaluation", """
            {"results":[{"bidId":"%s","qualified":true,"score":70,"note":"Compliant"},
             {"bidId":"%s","qualified":true,"score":90,"note":"Compliant and cheapest"}]}"""
            .formatted(bid1Id, bid2Id), staff));
        JsonNode awarded = ok(Suite.postJson(API + "/tenders/" + id + "/award", """
            {"bidId":"%s","justification":{"en":"Lowest compliant price","ar":"أقل سعر مطابق"}}""".formatted(bid2Id),
            staff));
        assertThat(awarded.get("status").asString()).isEqualTo("AWARDED");

        JsonNode releases = ok(Suite.get(API + "/ocds/releases?ocid=" + ocid, null));
        assertThat(releases.get("version").asString()).isEqualTo("1.1");
        JsonNode award = releases.get("releases").valueStream()
            .filter(release -> release.get("tag").get(0).asString().equals("award"))
            .findFirst().orElseThrow().get("awards").get(0);
        assertThat(award.get("suppliers").get(0).get("name").asString()).isEqualTo(name2);
        assertThat(award.get("value").get("amount").decimalValue()).isEqualByComparingTo("439500");
        assertThat(award.get("value").get("currency").asString()).isEqualTo("QAR");
        JsonNode record = ok(Suite.get(API + "/ocds/records/" + ocid, null)).get("records").get(0);
        assertThat(record.get("compiledRelease").get("tender").get("numberOfTenderers").asInt()).isEqualTo(2);
    }

    /** The supplier's registered name, registering it on the first run against this database. */
    private static String supplierName(String token, String english, String arabic) {
        var me = Suite.get(API + "/suppliers/me", token);
        // the first calls may reach a service still warming up (JIT, JWKS, pools) on a loaded machine: a GET is safe to repeat
        for (int attempt = 0; attempt < 10 && me.statusCode() >= 502; attempt++) {
            me = Suite.get(API + "/suppliers/me", token);
        }
        if (me.statusCode() == 404) {
            me = Suite.postJson(API + "/suppliers", """
                {"registrationNumber":"E2E-%d","name":{"en":"%s","ar":"%s"},"sells":["it-equipment"],
                 "contact":{"email":"tenders@%s.example"}}"""
                .formatted(ThreadLocalRandom.current().nextInt(1_000_000), english, arabic,
                    english.toLowerCase().replace(' ', '-')), token);
            assertThat(me.statusCode()).as(me.body()).isEqualTo(201);
        }
        return ok(me).get("name").get("en").asString();
    }

    private static String bid(String amount) {
        return """
            {"amount":%s,"currency":"QAR","documents":[{"name":"offer.txt","mediaType":"text/plain",
             "content":"T2ZmZXI="}]}""".formatted(amount);
    }

    private static JsonNode waitForOpening(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode tender = ok(Suite.get(API + "/tenders/" + id, null));
            if ("OPENED".equals(tender.get("status").asString())) {
                return tender;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the bids of " + id + " were not opened within 60 s");
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return Suite.json(response.body());
    }
}
