package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An outside system onboarded through the auth service (issue 17): a platform admin names it and the public
 * topics it reads; it connects with the plain Kafka client and the credentials it is answered once, reads
 * those topics with its own consumer groups, cannot read a topic with personal data nor write anything, and
 * after offboarding cannot sign in at all.
 */
class ExternalSystemIT {

    private static final String SYSTEMS = GATEWAY + "/api/auth/systems/";

    private static final String POLLS = "bawaba.participation.polls";

    @Test
    void anOutsideSystemReadsItsPublicTopicsOnlyAndNothingOnceOffboarded() throws Exception {
        String id = "e2e-news-" + UUID.randomUUID().toString().substring(0, 8);
        String request = """
            {"name": {"en": "Newsroom of the tests", "ar": "غرفة أخبار الاختبارات"}, "topics": ["%s"]}""".formatted(POLLS);
        var onboarded = Suite.putJson(SYSTEMS + id, request, Role.ADMIN.token());
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        JsonNode access = Suite.json(onboarded.body()).get("access");
        String clientId = access.get("clientId").asString();
        String secret = access.get("clientSecret").asString();
        Map<String, Object> client = new HashMap<>(Suite.kafkaClient(clientId, secret));
        client.put("request.timeout.ms", 10_000);
        client.put("default.api.timeout.ms", 20_000);
        try {
            assertThat(clientId).isEqualTo("system-" + id);
            assertThat(access.get("consumerGroupPrefix").asString()).isEqualTo(clientId);
            // converging again changes nothing and shows no secret
            var again = Suite.putJson(SYSTEMS + id, request, Role.ADMIN.token());
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(Suite.json(again.body()).path("access").isMissingNode()).as(again.body()).isTrue();
            assertThat(Suite.get(GATEWAY + "/api/auth/systems", Role.ADMIN.token()).body()).contains(id);
            assertThat(Suite.putJson(SYSTEMS + id, request.replace(POLLS, "bawaba.eservices.applications"),
                Role.ADMIN.token()).statusCode()).isEqualTo(400);

            try (Admin admin = Admin.create(client)) {
                assertThat(admin.describeTopics(List.of(POLLS)).allTopicNames().get(30, TimeUnit.SECONDS)).containsKey(POLLS);
                assertThatThrownBy(() -> admin.describeTopics(List.of("bawaba.eservices.applications")).allTopicNames()
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            // its own consumer group reads the topic; another group name is refused
            try (var consumer = consumer(client, clientId + "-e2e")) {
                consumer.subscribe(List.of(POLLS));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500));
                }
                assertThat(consumer.assignment()).as("partitions of " + POLLS).isNotEmpty();
            }
            try (var consumer = consumer(client, "eservices")) {
                consumer.subscribe(List.of(POLLS));
                assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(GroupAuthorizationException.class);
            }
            Map<String, Object> producing = new HashMap<>(client);
            producing.put("max.block.ms", 20_000);
            producing.put("delivery.timeout.ms", 25_000);
            try (var producer = new KafkaProducer<>(producing, new StringSerializer(), new ByteArraySerializer())) {
                // refused before any record: with no Write anywhere, even its idempotent producer's id (the cluster's)
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(POLLS, "poll", "{}".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(AuthorizationException.class);
            }
        } finally {
            var offboarded = Suite.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(SYSTEMS + id))
                .header("Authorization", "Bearer " + Role.ADMIN.token()).DELETE().build());
            assertThat(offboarded.statusCode()).isEqualTo(204);
        }
        // offboarded: no token, and no ACL left
        assertThatThrownBy(() -> Admin.create(client).close()).hasStackTraceContaining("Invalid client credentials");
        try (Admin operator = Admin.create(Suite.kafkaOperator())) {
            var left = operator.describeAcls(new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter("User:" + clientId, null, AclOperation.ANY, AclPermissionType.ANY)))
                .values().get(30, TimeUnit.SECONDS);
            assertThat(left).isEmpty();
        }
        assertThat(Suite.get(GATEWAY + "/api/auth/systems", Role.ADMIN.token()).body()).doesNotContain(id);
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client, String group) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("group.id", group);
        config.put("auto.offset.reset", "latest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
