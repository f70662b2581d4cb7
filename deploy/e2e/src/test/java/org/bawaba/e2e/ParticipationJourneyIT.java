package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The poll journey through the gateway with real Keycloak tokens: moi staff create a poll whose results are
 * hidden until it closes, three demo citizens vote (a repeat counts nothing), staff close it, the results
 * appear, and the closing event is on the suite's Kafka broker with the counts and no voter in it.
 */
class ParticipationJourneyIT {

    private static final String API = GATEWAY + "/api/participation";

    @Test
    void staffCreateAPollThreeCitizensVoteItClosesAndTheResultsAndTheClosingEventAppear() {
        String staff = Suite.token("moi-staff");
        warmUp(staff);
        Instant now = Instant.now();
        var created = Suite.postJson(API + "/polls", """
            {"question": {"en": "Which day should the new service centre open late?", "ar": "أي يوم يفتح فيه مركز الخدمة الجديد مساءً؟"},
             "options": [{"en": "Sunday", "ar": "الأحد"}, {"en": "Wednesday", "ar": "الأربعاء"}],
             "multipleChoice": false, "opensAt": "%s", "closesAt": "%s", "audience": "NATIONALS",
             "resultsVisibility": "AFTER_CLOSE", "suppressionThreshold": 3}"""
            .formatted(now.minusSeconds(5), now.plus(Duration.ofHours(1))), staff);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode poll = Suite.json(created.body());
        String id = poll.get("id").asString();
        String sunday = poll.get("options").get(0).get("id").asString();
        String wednesday = poll.get("options").get(1).get("id").asString();
        assertThat(poll.get("state").asString()).isEqualTo("OPEN");
        assertThat(Suite.get(API + "/polls/" + id, null).statusCode()).isEqualTo(200);

        List<String> voters = List.of("citizen1", "citizen2", "citizen3");
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < voters.size(); i++) {
            var voted = Suite.postJson(API + "/polls/" + id + "/votes",
                "{\"optionIds\": [\"" + (i == 2 ? wednesday : sunday) + "\"]}", Suite.token(voters.get(i)));
            assertThat(voted.statusCode()).as(voted.body()).isEqualTo(201);
            receipts.add(Suite.json(voted.body()).get("receipt").asString());
        }
        var repeat = Suite.postJson(API + "/polls/" + id + "/votes", "{\"optionIds\": [\"" + wednesday + "\"]}",
            Suite.token("citizen1"));
        assertThat(repeat.statusCode()).isEqualTo(200);
        // a repeat counts nothing and shows no receipt: receipts are random, shown once, and kept nowhere
        assertThat(Suite.json(repeat.body()).get("receipt").isNull()).isTrue();
        assertThat(receipts).doesNotHaveDuplicates().allMatch(r -> r.matches("[0-9A-F]{4}(-[0-9A-F]{4}){4}"));
        assertThat(Suite.postJson(API + "/polls/" + id + "/votes", "{\"optionIds\": [\"" + sunday + "\"]}", staff)
            .statusCode()).isEqualTo(403);
        var hidden = Suite.get(API + "/polls/" + id + "/results", null);
        assertThat(hidden.statusCode()).isEqualTo(409);
        assertThat(hidden.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Suite.postJson(API + "/polls/" + id + "/close", "", Suite.token("mme-staff")).statusCode()).isEqualTo(403);

        var closed = Suite.postJson(API + "/polls/" + id + "/close", "", staff);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(Suite.json(closed.body()).get("state").asString()).isEqualTo("CLOSED");
        assertThat(Suite.postJson(API + "/polls/" + id + "/votes", "{\"optionIds\": [\"" + sunday + "\"]}",
            Suite.token("citizen2")).statusCode()).isEqualTo(409);

        var results = Suite.get(API + "/polls/" + id + "/results", null);
        assertThat(results.statusCode()).as(results.body()).isEqualTo(200);
        JsonNode counted = Suite.json(results.body());
        assertThat(counted.get("totalVotes").asInt()).isEqualTo(3);
        assertThat(counted.get("options").get(0).get("votes").asInt()).isEqualTo(2);
        assertThat(counted.get("options").get(1).get("votes").asInt()).isEqualTo(1);
        assertThat(Suite.get(API + "/polls?state=CLOSED&agency=moi", null).body()).contains(id);
        for (String receipt : receipts) {
            assertThat(Suite.get(API + "/polls/" + id + "/receipts/" + receipt, null).statusCode()).isEqualTo(200);
        }

        ConsumerRecord<String, byte[]> event = closingEvent(id);
        assertThat(header(event, "ce_source")).isEqualTo("/bawaba/participation");
        JsonNode data = Suite.json(new String(event.value(), StandardCharsets.UTF_8));
        assertThat(data.get("pollId").asString()).isEqualTo(id);
        assertThat(data.get("agency").asString()).isEqualTo("moi");
        assertThat(data.get("totalVotes").asInt()).isEqualTo(3);
        assertThat(data.get("suppressed").asBoolean()).isFalse();
        assertThat(data.get("options").get(0).get("votes").asInt()).isEqualTo(2);
        String subject = Suite.json(Suite.get(GATEWAY + "/api/me", Suite.token("citizen1")).body()).get("subject").asString();
        assertThat(new String(event.value(), StandardCharsets.UTF_8)).doesNotContain(subject);
    }

    /**
     * The gateway gives a service 1 s per request; a freshly started service's first requests (class loading,
     * the first fetch of Keycloak's keys) can take longer on a loaded machine. Read-only calls until it answers.
     */
    private static void warmUp(String staff) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Suite.get(API + "/polls", null).statusCode() == 200
                && Suite.get(API + "/complaints", staff).statusCode() == 200) {
                return;
            }
        }
        throw new AssertionError("participation does not answer through the gateway");
    }

    /** The poll's closed event on the suite's broker (read from the beginning, 60 s at most). */
    private static ConsumerRecord<String, byte[]> closingEvent(String pollId) {
        // read as the broker's operator: no component reads the polls topic with a group of its own
        Map<String, Object> config = new java.util.HashMap<>(Suite.kafkaOperator());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-participation-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("bawaba.participation.polls"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (pollId.equals(record.key())
                        && "org.bawaba.participation.poll.closed.v1".equals(header(record, "ce_type"))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no poll.closed.v1 event for " + pollId + " on " + Suite.KAFKA_OPERATOR);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
