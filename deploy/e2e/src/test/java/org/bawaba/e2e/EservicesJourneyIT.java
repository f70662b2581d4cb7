package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The e-services journey through the gateway with real Keycloak tokens: a demo citizen finds a service
 * without signing in, applies, pays on the simulated provider's hosted page, and a staff member of the
 * service's agency reviews and approves it. Another agency's staff cannot see it.
 */
class EservicesJourneyIT {

    private static final String API = GATEWAY + "/api/eservices";

    @Test
    void aCitizenFindsAServiceAppliesAndPaysAndTheAgencysStaffApproves() {
        var search = Suite.get(API + "/services?q=" + URLEncoder.encode("vehicle registration", StandardCharsets.UTF_8), null);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        JsonNode service = Suite.json(search.body()).get("items").get(0);
        assertThat(service.get("code").asString()).isEqualTo("moi-vehicle-registration-renewal");
        assertThat(service.get("agency").asString()).isEqualTo("moi");
        assertThat(service.get("title").get("ar").asString()).isNotBlank();

        String citizen = Suite.token("citizen1");
        var applied = Suite.postJson(API + "/applications", """
            {"serviceCode":"moi-vehicle-registration-renewal","submit":true,
             "formData":{"plateNumber":"123456","insurancePolicy":"QIC-E2E-1"}}""", citizen);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        JsonNode application = Suite.json(applied.body());
        String id = application.get("id").asString();
        assertThat(application.get("reference").asString()).matches("ES-\\d{4}-\\d{6}");
        assertThat(application.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(application.get("paymentRequired").asBoolean()).isTrue();

        var started = Suite.postJson(API + "/applications/" + id + "/payments", "", citizen);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String hostedPage = Suite.json(started.body()).get("redirectUrl").asString();
        assertThat(hostedPage).startsWith(API + "/payment-simulator/");
        assertThat(Suite.get(hostedPage, null).statusCode()).isEqualTo(200);

        var paid = Suite.send(HttpRequest.newBuilder(URI.create(hostedPage + "/pay?outcome=success"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        // back to the portal's page, which shows what e-services answers
        String back = paid.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(Suite.GATEWAY + "/payments/return?payment=");
        var returned = Suite.get(API + "/payments/return?" + URI.create(back).getQuery(), null);
        assertThat(Suite.json(returned.body()).get("status").asString()).isEqualTo("PAID");
        assertThat(Suite.json(Suite.get(API + "/applications/" + id, citizen).body()).get("paid").asBoolean()).isTrue();

        String otherAgency = Suite.token("mme-staff");
        assertThat(Suite.get(API + "/applications/" + id, otherAgency).statusCode()).isEqualTo(404);
        assertThat(Suite.get(API + "/applications/" + id, Suite.token("citizen2")).statusCode()).isEqualTo(404);

        String staff = Suite.token("moi-staff");
        // the queue is first come, first served: the newest application is on its last page (the fault suite's
        // load leaves many before it on a machine that ran it)
        String queueUrl = API + "/queue?status=SUBMITTED&serviceCode=moi-vehicle-registration-renewal&size=100";
        var queue = Suite.get(queueUrl, staff);
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        long total = Suite.json(queue.body()).get("total").asLong();
        assertThat(total).isPositive();
        var last = Suite.get(queueUrl + "&page=" + (total - 1) / 100, staff);
        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        assertThat(Suite.json(last.body()).get("items").valueStream().map(item -> item.get("id").asString()))
            .contains(id);
        assertThat(status(Suite.postJson(API + "/applications/" + id + "/start-review", "", staff))).isEqualTo("IN_REVIEW");
        assertThat(status(Suite.postJson(API + "/applications/" + id + "/approve", "", staff))).isEqualTo("APPROVED");

        var history = Suite.get(API + "/applications/" + id + "/history", citizen);
        assertThat(Suite.json(history.body()).valueStream().map(step -> step.get("to").asString()))
            .containsExactly("DRAFT", "SUBMITTED", "IN_REVIEW", "APPROVED");
    }

    private static String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Suite.json(response.body()).get("status").asString();
    }
}
