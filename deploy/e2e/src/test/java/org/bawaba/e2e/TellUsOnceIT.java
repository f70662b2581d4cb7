package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tell us once, the change of address, with the real Keycloak, Kafka, eservices, notifications and the
 * two sample agency services: citizen1 has an electricity account at the utility (ewa-accounts) and an
 * ID card at the interior ministry (moi-identity); they report their new address once through the
 * gateway; both agencies read it with their own clients, update their records and confirm; the citizen
 * sees UPDATED for both and gets one consolidated notice naming both.
 */
class TellUsOnceIT {

    private static final String EWA = GATEWAY + "/api/agencies/ewa/accounts";
    private static final String MOI = GATEWAY + "/api/agencies/moi/identity";
    private static final String ESERVICES = GATEWAY + "/api/eservices";

    @Test
    void aNewAddressReportedOnceReachesBothAgenciesAndOneNoticeSaysSo() {
        String admin = Suite.token("platform-admin");
        assertThat(Suite.putJson(GATEWAY + "/api/auth/agencies/ewa", """
            {"name": {"en": "Electricity and Water Authority", "ar": "هيئة الكهرباء والماء"}, "services": ["accounts"]}""",
            admin).statusCode()).isIn(200, 201);
        assertThat(Suite.putJson(GATEWAY + "/api/auth/agencies/moi", """
            {"name": {"en": "Ministry of Interior", "ar": "وزارة الداخلية"}, "services": ["identity"]}""",
            admin).statusCode()).isIn(200, 201);
        // each agency's own system, with its client of the local realm (the installation's secrets, as the services use)
        String ewaSystem = Suite.systemToken("ewa-accounts");
        String moiSystem = Suite.systemToken("moi-identity");
        assertThat(Suite.claims(ewaSystem).get("agency").asString()).isEqualTo("ewa");

        String citizen = Suite.token("citizen1");
        String subject = Suite.claims(citizen).get("sub").asString();
        var routed = await(() -> Suite.get(EWA + "/accounts", citizen), response -> response.statusCode() == 200);
        assertThat(routed.statusCode()).as(routed.body()).isEqualTo(200);
        var opened = Suite.postJson(EWA + "/accounts", """
            {"citizen": "%s", "type": "ELECTRICITY", "address": {"line1": "Building 5, Street 230", "city": "Doha"}}"""
            .formatted(subject), ewaSystem);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String account = Suite.json(opened.body()).get("id").asString();
        await(() -> Suite.get(MOI + "/credentials", citizen), response -> response.statusCode() == 200);
        var issued = Suite.postJson(MOI + "/credentials", """
            {"citizen": "%s", "type": "ID_CARD", "number": "ID%d", "issuedOn": "2024-05-01", "expiresOn": "2034-04-30"}"""
            .formatted(subject, System.nanoTime() % 100_000_000), moiSystem);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);

        // reported once
        String street = "Tower " + (System.nanoTime() % 1000) + ", Lusail Boulevard";
        var reported = Suite.postJson(ESERVICES + "/me/changes", """
            {"kind": "ADDRESS", "address": {"line1": "%s", "city": "Lusail", "postalCode": "69"}}""".formatted(street),
            citizen);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String change = Suite.json(reported.body()).get("id").asString();

        // both agencies updated their own records and confirmed
        var done = await(() -> Suite.get(ESERVICES + "/me/changes/" + change, citizen),
            response -> Suite.json(response.body()).has("completedAt"));
        JsonNode agencies = Suite.json(done.body()).get("agencies");
        List<String> statuses = new ArrayList<>();
        agencies.forEach(agency -> statuses.add(agency.get("agency").asString() + ":" + agency.get("status").asString()));
        assertThat(statuses).as(done.body()).containsExactly("ewa:UPDATED", "moi:UPDATED");
        JsonNode moved = Suite.json(Suite.get(EWA + "/accounts/" + account, citizen).body());
        assertThat(moved.get("address").get("line1").asString()).isEqualTo(street);
        assertThat(moved.get("address").get("city").asString()).isEqualTo("Lusail");
        // the new address is for the agencies asked: not for the citizen's token, not for another agency
        assertThat(Suite.get(ESERVICES + "/changes/" + change, citizen).statusCode()).isEqualTo(403);
        assertThat(Suite.get(ESERVICES + "/changes/" + change, Suite.token("mme-staff")).statusCode()).isEqualTo(403);
        var forEwa = Suite.get(ESERVICES + "/changes/" + change, ewaSystem);
        assertThat(forEwa.statusCode()).as(forEwa.body()).isEqualTo(200);
        assertThat(Suite.json(forEwa.body()).get("address").get("line1").asString()).isEqualTo(street);

        // one consolidated notice, naming both agencies
        List<JsonNode> notices = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (notices.isEmpty() && System.nanoTime() < deadline) {
            notices.clear();
            var inbox = Suite.get(GATEWAY + "/api/notifications/me/notices?size=50", citizen);
            if (inbox.statusCode() == 200) {
                for (JsonNode item : Suite.json(inbox.body()).get("items")) {
                    if (item.has("link") && item.get("link").asString().endsWith(change)) {
                        notices.add(item);
                    }
                }
            }
            pause();
        }
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("type").asString()).isEqualTo("org.bawaba.eservices.change.completed.v1");
        assertThat(notices.get(0).get("body").asString())
            .contains("Ministry of Interior").contains("Electricity and Water Authority");
    }

    /**
     * Nothing is lost while an agency's service is down: the utility's service is stopped, the citizen
     * reports a new phone number, the ministry answers and the utility stays PENDING; the service is
     * started again and catches up from its consumer group's offsets, and the change completes.
     */
    @Test
    void aChangeSentWhileTheUtilityIsDownReachesItWhenItIsBack() throws Exception {
        String admin = Suite.token("platform-admin");
        assertThat(Suite.putJson(GATEWAY + "/api/auth/agencies/ewa", """
            {"name": {"en": "Electricity and Water Authority", "ar": "هيئة الكهرباء والماء"}, "services": ["accounts"]}""",
            admin).statusCode()).isIn(200, 201);
        String ewaSystem = Suite.systemToken("ewa-accounts");
        String moiSystem = Suite.systemToken("moi-identity");
        String citizen = Suite.token("citizen3");
        String subject = Suite.claims(citizen).get("sub").asString();
        await(() -> Suite.get(EWA + "/accounts", citizen), response -> response.statusCode() == 200);
        var opened = Suite.postJson(EWA + "/accounts", """
            {"citizen": "%s", "type": "WATER", "address": {"line1": "Villa 9, Street 12", "city": "Al Wakrah"}}"""
            .formatted(subject), ewaSystem);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String account = Suite.json(opened.body()).get("id").asString();
        await(() -> Suite.get(MOI + "/credentials", citizen), response -> response.statusCode() == 200);
        assertThat(Suite.postJson(MOI + "/credentials", """
            {"citizen": "%s", "type": "RESIDENCE_PERMIT", "number": "RP%d", "issuedOn": "2025-01-01", "expiresOn": "2027-12-31"}"""
            .formatted(subject, System.nanoTime() % 100_000_000), moiSystem).statusCode()).isEqualTo(201);

        String phone = "+9745" + (1_000_000 + System.nanoTime() % 8_999_999);
        String change;
        try {
            // every instance of it (./bawaba run --replicas runs more than one)
            for (String instance : Suite.instances("ewa-accounts")) {
                launcher("stop", instance);
            }
            var reported = Suite.postJson(ESERVICES + "/me/changes", """
                {"kind": "PHONE", "phone": "%s"}""".formatted(phone), citizen);
            assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
            change = Suite.json(reported.body()).get("id").asString();
            var whileDown = await(() -> Suite.get(ESERVICES + "/me/changes/" + change, citizen),
                response -> statusOf(Suite.json(response.body()), "moi").equals("UPDATED"));
            JsonNode down = Suite.json(whileDown.body());
            assertThat(statusOf(down, "moi")).isEqualTo("UPDATED");
            assertThat(statusOf(down, "ewa")).as("the utility is down").isEqualTo("PENDING");
            assertThat(down.has("completedAt")).isFalse();
        } finally {
            for (String instance : Suite.instances("ewa-accounts")) {
                launcher("restart", instance);
            }
        }
        var back = await(() -> Suite.get(ESERVICES + "/me/changes/" + change, citizen),
            response -> Suite.json(response.body()).has("completedAt"));
        assertThat(statusOf(Suite.json(back.body()), "ewa")).as(back.body()).isEqualTo("UPDATED");
        var accountNow = await(() -> Suite.get(EWA + "/accounts/" + account, citizen), response -> response.statusCode() == 200);
        assertThat(Suite.json(accountNow.body()).get("phone").asString()).isEqualTo(phone);
    }

    private static String statusOf(JsonNode change, String agency) {
        for (JsonNode row : change.get("agencies")) {
            if (row.get("agency").asString().equals(agency)) {
                return row.get("status").asString();
            }
        }
        return "";
    }

    /** {@code ./bawaba <command> <component>}, from the repository's root (two folders up from this module). */
    private static void launcher(String command, String component) throws Exception {
        java.io.File root = new java.io.File(System.getProperty("user.dir")).getAbsoluteFile().getParentFile().getParentFile();
        Process process = new ProcessBuilder(new java.io.File(root, "bawaba").getPath(), command, component)
            .directory(root).inheritIO().start();
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("./bawaba " + command).isTrue();
        assertThat(process.exitValue()).as("./bawaba " + command + " " + component).isZero();
    }

    /** Asks until the answer satisfies {@code done} or 60 s passed (the gateway re-reads the directory every 10 s). */
    private static HttpResponse<String> await(Supplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> response = call.get();
        while (!safely(done, response) && System.nanoTime() < deadline) {
            pause();
            response = call.get();
        }
        return response;
    }

    private static boolean safely(Predicate<HttpResponse<String>> done, HttpResponse<String> response) {
        try {
            return done.test(response);
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
