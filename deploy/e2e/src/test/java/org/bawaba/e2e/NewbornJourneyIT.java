package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The newborn journey, level 4 "integrated": a parent applies once, through the gateway, for the newborn
 * service ({@code moph-birth-certificate}); eservices asks moph, moi and msd for their steps by events; the
 * agencies' own sample services started by {@code ./bawaba run} ({@code moph-births}, {@code moi-identity},
 * {@code msd-family}) do them and report back by events; the application shows one status per agency,
 * completes, and the parent is told in the notifications inbox. Its failing variant: msd refuses a second
 * child allowance of the same family within its interval; the step shows FAILED with the reason and the
 * parent is told.
 */
class NewbornJourneyIT {

    private static final String ESERVICES = GATEWAY + "/api/eservices";
    private static final String NOTICES = GATEWAY + "/api/notifications/me/notices?size=100";
    private static final String FORM = """
        {"childName": "Noor", "birthDate": "2026-11-20", "hospital": "Women's Wellness and Research Center"}""";

    @Test
    void aParentAppliesOnceAndEveryAgencyDoesItsStep() throws InterruptedException {
        String parent = Suite.token("citizen1");
        String id = apply(parent);

        JsonNode done = awaitApplication(id, parent, a -> a.get("status").asString().equals("COMPLETED"));
        List<JsonNode> steps = done.get("steps").valueStream().toList();
        assertThat(steps).extracting(s -> s.get("agency").asString()).containsExactly("moph", "moi", "msd");
        assertThat(steps).allSatisfy(s -> assertThat(s.get("status").asString()).isEqualTo("COMPLETED"));
        assertThat(steps.get(0).get("reference").asString()).startsWith("MOPH-BC-");
        assertThat(steps.get(1).get("reference").asString()).startsWith("MOI-NN-");
        assertThat(steps.get(2).get("reference").asString()).startsWith("MSD-CA-");
        assertThat(done.get("attention").asBoolean()).isFalse();
        assertThat(done.get("ratingInvited").asBoolean()).isTrue();

        // another citizen does not see it
        assertThat(Suite.get(ESERVICES + "/applications/" + id, Suite.token("citizen2")).statusCode()).isEqualTo(404);

        // the parent is told in their inbox that the application is complete
        JsonNode notice = awaitNotice(parent, id, "org.bawaba.eservices.application.completed.v1");
        assertThat(notice.get("subject").asString()).isEqualTo("Your application is complete");
    }

    @Test
    void aStepTheAgencyRefusesIsShownWithItsReasonAndTheParentIsTold() throws InterruptedException {
        String parent = Suite.token("citizen2");
        // the family's first allowance (granted, or refused when a run a moment ago granted one), then a
        // second within msd's interval, which the ministry's rule refuses
        String first = apply(parent);
        awaitApplication(first, parent, a -> !step(a, "child-allowance").get("status").asString().equals("PENDING"));
        String second = apply(parent);

        JsonNode refused = awaitApplication(second, parent,
                a -> step(a, "child-allowance").get("status").asString().equals("FAILED")
                        && step(a, "birth-certificate").get("status").asString().equals("COMPLETED")
                        && step(a, "national-number").get("status").asString().equals("COMPLETED"));
        assertThat(refused.get("status").asString()).as("not complete while a step failed").isEqualTo("SUBMITTED");
        assertThat(refused.get("attention").asBoolean()).isTrue();
        JsonNode reason = step(refused, "child-allowance").get("reason");
        assertThat(reason.get("en").asString()).contains("social development office");
        assertThat(reason.get("ar").asString()).contains("التنمية الاجتماعية");

        JsonNode notice = awaitNotice(parent, second, "org.bawaba.eservices.application.step-failed.v1");
        assertThat(notice.get("subject").asString()).isEqualTo("A step of your application could not be done");
        assertThat(notice.get("body").asString()).contains("social development office");
    }

    private static String apply(String parent) throws InterruptedException {
        HttpResponse<String> applied = retrying(() -> Suite.postJson(ESERVICES + "/applications", """
            {"serviceCode": "moph-birth-certificate", "submit": true, "formData": %s}""".formatted(FORM), parent));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        JsonNode application = Suite.json(applied.body());
        assertThat(application.get("status").asString()).isEqualTo("SUBMITTED");
        return application.get("id").asString();
    }

    private static JsonNode step(JsonNode application, String name) {
        return application.get("steps").valueStream().filter(s -> s.get("step").asString().equals(name))
            .findFirst().orElseThrow();
    }

    /** Reads the application until {@code done} holds (90 s at most: three agencies' services, two topics). */
    private static JsonNode awaitApplication(String id, String parent, Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode application = read(id, parent);
        while (!done.test(application) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            application = read(id, parent);
        }
        assertThat(done.test(application)).as("application " + id + " within 90 s: " + application).isTrue();
        return application;
    }

    private static JsonNode read(String id, String parent) throws InterruptedException {
        HttpResponse<String> response = retrying(() -> Suite.get(ESERVICES + "/applications/" + id, parent));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Suite.json(response.body());
    }

    private static JsonNode awaitNotice(String parent, String application, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> inbox = retrying(() -> Suite.get(NOTICES, parent));
            assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
            for (JsonNode item : Suite.json(inbox.body()).get("items")) {
                if (item.get("type").asString().equals(type) && item.get("link") != null
                        && item.get("link").asString().endsWith(application)) {
                    return item;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + type + " notice of application " + application + " within 60 s");
    }

    private static HttpResponse<String> retrying(Supplier<HttpResponse<String>> call) throws InterruptedException {
        HttpResponse<String> response = call.get();
        for (int i = 0; i < 10 && (response.statusCode() == 503 || response.statusCode() == 504); i++) {
            Thread.sleep(1000);
            response = call.get();
        }
        return response;
    }

}
