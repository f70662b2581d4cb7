package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Notifications through the gateway with real Keycloak tokens: contact details and language come from
 * Keycloak's user record (the notifications client's service account) when the person gave none; an
 * application submitted at e-services reaches the citizen's inbox in Arabic; a system with the role
 * {@code integration} (client credentials) manages its webhook subscriptions.
 */
class NotificationsJourneyIT {

    private static final String API = GATEWAY + "/api/notifications";

    /**
     * The gateway gives a service 1 s; a service's first calls after start-up (JIT, the first Keycloak
     * admin call, the first Kafka send) can take longer on a loaded machine, so 503/504 is tried again.
     */
    private static HttpResponse<String> retrying(Supplier<HttpResponse<String>> call) throws InterruptedException {
        HttpResponse<String> response = call.get();
        for (int i = 0; i < 10 && (response.statusCode() == 503 || response.statusCode() == 504); i++) {
            Thread.sleep(1000);
            response = call.get();
        }
        return response;
    }

    @Test
    void contactDetailsAndLanguageFallBackToKeycloaksUserRecord() throws InterruptedException {
        String citizen1 = Suite.token("citizen1");
        JsonNode first = Suite.json(retrying(() -> Suite.get(API + "/me/contact", citizen1)).body());
        assertThat(first.has("email")).as("no e-mail address in the profile").isFalse();
        assertThat(first.get("effective").get("email").get("value").asString()).isEqualTo("citizen1@demo.bawaba.local");
        assertThat(first.get("effective").get("email").get("source").asString()).isEqualTo("keycloak");
        assertThat(first.get("effective").get("locale").get("value").asString()).isEqualTo("en");

        String citizen3 = Suite.token("citizen3");
        JsonNode third = Suite.json(retrying(() -> Suite.get(API + "/me/contact", citizen3)).body());
        assertThat(third.get("effective").get("locale").get("value").asString()).isEqualTo("ar");
        assertThat(third.get("effective").get("locale").get("source").asString()).isEqualTo("keycloak");
    }

    @Test
    void anApplicationSubmittedAtEservicesReachesTheCitizensInboxInArabic() throws InterruptedException {
        String citizen = Suite.token("citizen3");
        var applied = retrying(() -> Suite.postJson(GATEWAY + "/api/eservices/applications", """
            {"serviceCode":"mol-job-seeker","submit":true,
             "formData":{"qualification":"bachelor","field":"Accounting"}}""", citizen));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        String id = Suite.json(applied.body()).get("id").asString();

        JsonNode notice = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (notice == null && System.nanoTime() < deadline) {
            var inbox = retrying(() -> Suite.get(API + "/me/notices?size=50", citizen));
            assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
            for (JsonNode item : Suite.json(inbox.body()).get("items")) {
                if (item.get("link") != null && item.get("link").asString().endsWith(id)) {
                    notice = item;
                }
            }
            Thread.sleep(250);
        }
        assertThat(notice).as("notice of application " + id).isNotNull();
        // the service and the agency by their names, from the catalogue, in the reader's language
        assertThat(notice.get("subject").asString()).isEqualTo("تم استلام طلبك: التسجيل كباحث عن عمل");
        assertThat(notice.get("body").asString()).contains("وزارة العمل").doesNotContain("mol");
        assertThat(notice.get("link").asString()).isEqualTo("/applications/" + id);
        assertThat(notice.get("dir").asString()).isEqualTo("rtl");

        // another citizen cannot read it
        String noticeId = notice.get("id").asString();
        String citizen1 = Suite.token("citizen1");
        assertThat(retrying(() -> Suite.get(API + "/me/notices/" + noticeId, citizen1)).statusCode()).isEqualTo(404);

        // the e-mail went to the Keycloak address: SENT with an SMTP server (MAIL_HOST), NOT_CONFIGURED without
        JsonNode email = null;
        deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (email == null && System.nanoTime() < deadline) {
            for (JsonNode delivery : Suite.json(retrying(() -> Suite.get(API + "/me/deliveries", citizen)).body())) {
                if (delivery.get("channel").asString().equals("EMAIL")
                        && !delivery.get("status").asString().equals("PENDING")) {
                    email = delivery;
                }
            }
            Thread.sleep(250);
        }
        assertThat(email).isNotNull();
        assertThat(email.get("status").asString()).isIn("SENT", "NOT_CONFIGURED");
    }

    @Test
    void aNoticeArrivesLiveOnTheStreamThroughTheGateway() throws Exception {
        String citizen = Suite.token("citizen2");
        retrying(() -> Suite.get(API + "/me/notices?size=1", citizen));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        var stream = client.sendAsync(HttpRequest.newBuilder(URI.create(API + "/me/stream"))
                .header("Authorization", "Bearer " + citizen).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                public void onSubscribe(Flow.Subscription subscription) { subscription.request(Long.MAX_VALUE); }
                public void onNext(String line) { lines.add(line); }
                public void onError(Throwable error) { lines.add("error: " + error); }
                public void onComplete() { lines.add("closed"); }
            }));
        try {
            // the stream opens with the unread count
            assertThat(next(lines, line -> line.startsWith("event:"), Duration.ofSeconds(30))).isEqualTo("event:unread");
            var applied = retrying(() -> Suite.postJson(GATEWAY + "/api/eservices/applications", """
                {"serviceCode":"mol-job-seeker","submit":true,
                 "formData":{"qualification":"bachelor","field":"Accounting"}}""", citizen));
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
            String id = Suite.json(applied.body()).get("id").asString();
            // the notice of that application comes down the open stream (longer than the gateway's time limit)
            assertThat(next(lines, line -> line.contains(id) || line.startsWith("closed") || line.startsWith("error"),
                Duration.ofSeconds(30))).contains(id);
        }
        finally {
            stream.cancel(true);
            client.shutdownNow();
        }
    }

    private static String next(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(250, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line.replace("event: ", "event:"))) {
                return line.replace("event: ", "event:");
            }
        }
        return "nothing within " + timeout;
    }

    @Test
    void anIntegratingSystemManagesItsWebhookSubscriptions() throws InterruptedException {
        String system = Suite.systemToken("demo-integration");

        assertThat(retrying(() -> Suite.get(API + "/webhooks", system)).statusCode()).isEqualTo(200);
        var created = retrying(() -> Suite.postJson(API + "/webhooks", """
            {"url":"https://receiver.example.org/bawaba","types":["org.bawaba.eservices.application.submitted.v1"]}""",
            system));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = Suite.json(created.body());
        assertThat(body.get("secret").asString()).startsWith("whsec_");
        String id = body.get("subscription").get("id").asString();

        assertThat(Suite.postJson(API + "/webhooks", """
            {"url":"http://receiver.example.org/bawaba","types":["org.bawaba.eservices.application.submitted.v1"]}""",
            system).statusCode()).isEqualTo(400);
        assertThat(Suite.postJson(API + "/webhooks", """
            {"url":"https://receiver.example.org/bawaba","types":["org.bawaba.eservices.application.submitted.v1"]}""",
            Suite.token("citizen1")).statusCode()).isEqualTo(403);
        assertThat(Suite.get(API + "/webhooks/" + id, system).statusCode()).isEqualTo(200);

        var deleted = Suite.send(HttpRequest.newBuilder(URI.create(API + "/webhooks/" + id))
            .header("Authorization", "Bearer " + system).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    /**
     * The local run's channels a newcomer can watch: an SMS reaches the SMS gateway stand-in (WireMock, whose
     * admin API lists what was "sent"), and a webhook receiver on this machine may be plain http://, so a
     * signed delivery can be seen arriving there too.
     */
    @Test
    void locallyAnSmsReachesTheGatewayStandInAndAWebhookReachesALoopbackReceiver() throws InterruptedException {
        String sms = System.getProperty("bawaba.sms", "http://localhost:8026");
        String citizen = Suite.token("citizen2");
        String phone = "+9745" + String.format("%07d", System.nanoTime() % 10_000_000);
        assertThat(retrying(() -> Suite.putJson(API + "/me/contact", "{\"phone\": \"" + phone + "\"}", citizen))
            .statusCode()).isEqualTo(200);
        assertThat(retrying(() -> Suite.putJson(API + "/me/preferences",
            "{\"categories\": {\"applications\": [\"INBOX\", \"SMS\"]}, \"optedOut\": false}", citizen))
            .statusCode()).isEqualTo(200);
        try {
            var applied = retrying(() -> Suite.postJson(GATEWAY + "/api/eservices/applications", """
                {"serviceCode":"mol-job-seeker","submit":true,
                 "formData":{"qualification":"bachelor","field":"Accounting"}}""", citizen));
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
            JsonNode sent = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sent == null && System.nanoTime() < deadline) {
                for (JsonNode request : Suite.json(Suite.get(sms + "/__admin/requests?limit=100", null).body()).get("requests")) {
                    if (request.get("request").get("url").asString().equals("/messages")) {
                        JsonNode body = Suite.json(request.get("request").get("body").asString());
                        sent = phone.equals(body.path("to").asString()) ? body : sent;
                    }
                }
                Thread.sleep(500);
            }
            assertThat(sent).as("an SMS to " + phone + " at the stand-in").isNotNull();
            assertThat(sent.get("text").asString()).contains("Register as a job seeker").doesNotContain("mol-job-seeker");
        } finally {
            Suite.putJson(API + "/me/preferences",
                "{\"categories\": {\"applications\": [\"INBOX\", \"EMAIL\"]}, \"optedOut\": false}", citizen);
        }

        // a receiver on this machine over http://: accepted in the local run, and the delivery is signed
        String system = Suite.systemToken("demo-integration");
        String path = "/e2e-receiver/" + System.nanoTime();
        var subscribed = retrying(() -> Suite.postJson(API + "/webhooks", """
            {"url":"%s%s","types":["org.bawaba.eservices.application.submitted.v1"]}"""
            .formatted(sms.replace("localhost", "127.0.0.1"), path), system));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String subscription = Suite.json(subscribed.body()).get("subscription").get("id").asString();
        try {
            assertThat(retrying(() -> Suite.postJson(GATEWAY + "/api/eservices/applications", """
                {"serviceCode":"mol-job-seeker","submit":true,
                 "formData":{"qualification":"master","field":"Law"}}""", citizen)).statusCode()).isEqualTo(201);
            JsonNode delivered = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (delivered == null && System.nanoTime() < deadline) {
                for (JsonNode request : Suite.json(Suite.get(sms + "/__admin/requests?limit=200", null).body()).get("requests")) {
                    if (request.get("request").get("url").asString().equals(path)) {
                        delivered = request.get("request");
                    }
                }
                Thread.sleep(500);
            }
            assertThat(delivered).as("a delivery at " + path).isNotNull();
            assertThat(delivered.get("headers").get("webhook-signature").asString()).startsWith("v1,");
        } finally {
            Suite.send(HttpRequest.newBuilder(URI.create(API + "/webhooks/" + subscription))
                .header("Authorization", "Bearer " + system).DELETE().build());
        }
    }
}
