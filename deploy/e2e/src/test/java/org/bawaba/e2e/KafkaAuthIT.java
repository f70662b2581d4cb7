package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The suite's Kafka admits no one anonymously and lets each component write only its own topics (issue 17):
 * the forged "application submitted" a credential-less producer could once put into a citizen's inbox is
 * refused, whoever sends it, and nothing reaches the topic or the inbox.
 */
class KafkaAuthIT {

    private static final String APPLICATIONS = "bawaba.eservices.applications";

    private static final String POLLS = "bawaba.participation.polls";

    @Test
    void anonymousClientsAndTokensWithoutTheKafkaAudienceAreRefused() {
        // no credentials: the listener speaks SASL only, so the client never gets metadata
        Map<String, Object> anonymous = Map.of("bootstrap.servers", Suite.KAFKA,
            "request.timeout.ms", 5_000, "default.api.timeout.ms", 8_000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS)).isNotNull();
        }
        try (var producer = producer(anonymous)) {
            assertThatThrownBy(() -> producer.send(forged(UUID.randomUUID().toString(), "anyone")).get(15, TimeUnit.SECONDS))
                .isNotNull();
        }
        // a real client of the realm whose tokens are not meant for Kafka (no bawaba-kafka audience)
        Map<String, Object> notForKafka = new HashMap<>(Suite.kafkaClient("demo-integration",
            Suite.secret("BAWABA_CLIENT_SECRET_DEMO_INTEGRATION")));
        notForKafka.put("request.timeout.ms", 10_000);
        notForKafka.put("default.api.timeout.ms", 15_000);
        try (Admin admin = Admin.create(notForKafka)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
        // a client with a wrong secret gets no token at all: its login fails before it connects
        Map<String, Object> wrongSecret = Suite.kafkaClient("eservices", "not-the-secret");
        assertThatThrownBy(() -> Admin.create(wrongSecret).close())
            .hasStackTraceContaining("Invalid client credentials");
    }

    @Test
    void aComponentWritesOnlyItsOwnTopicsAndAForgedApplicationReachesNoInbox() throws Exception {
        String citizen = Suite.claims(Suite.token("citizen1")).get("sub").asString();
        String marker = "forged-probe-" + UUID.randomUUID();
        long before;
        try (EventCounts counts = new EventCounts()) {
            before = counts.count(List.of(APPLICATIONS)).getOrDefault(APPLICATIONS, 0L);
        }
        // participation, the portal and an agency service are signed in, but none may write e-services' topic
        for (String component : List.of("participation", "portal", "moi-identity")) {
            try (var producer = producer(Suite.kafkaClient(component))) {
                assertThatThrownBy(() -> producer.send(forged(marker, citizen)).get(30, TimeUnit.SECONDS))
                    .as(component)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        // nor may e-services write participation's
        try (var producer = producer(Suite.kafkaClient("eservices"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(POLLS, "poll", "{}".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        // each sees its own topics and not the others' (Describe is granted with Write and Read)
        try (Admin eservices = Admin.create(Suite.kafkaClient("eservices"))) {
            assertThat(eservices.describeTopics(List.of(APPLICATIONS)).allTopicNames().get(30, TimeUnit.SECONDS))
                .containsKey(APPLICATIONS);
            assertThatThrownBy(() -> eservices.describeTopics(List.of(POLLS)).allTopicNames().get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        }

        try (EventCounts counts = new EventCounts()) {
            assertThat(counts.count(List.of(APPLICATIONS)).getOrDefault(APPLICATIONS, 0L))
                .as("records on " + APPLICATIONS).isEqualTo(before);
        }
        Suite.pause(Duration.ofSeconds(3));
        var inbox = Suite.get(Suite.GATEWAY + "/api/notifications/me/notices?size=100", Suite.token("citizen1"));
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).doesNotContain(marker);
    }

    @Test
    void anAgencysServiceAnswersOnlyOnItsOwnAgencysTopics() throws Exception {
        // the births registry may report its own steps, never a step result in the interior ministry's name
        try (Admin moph = Admin.create(Suite.kafkaClient("moph-births"))) {
            assertThat(moph.describeTopics(List.of("bawaba.agency.moph.steps"), new DescribeTopicsOptions()
                    .includeAuthorizedOperations(true)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get("bawaba.agency.moph.steps").authorizedOperations()).contains(AclOperation.WRITE);
        }
        for (String other : List.of("bawaba.agency.moi.steps", "bawaba.agency.msd.steps", "bawaba.agency.moi.changes")) {
            try (var producer = producer(Suite.kafkaClient("moph-births"))) {
                var forged = new ProducerRecord<>(other, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8));
                assertThatThrownBy(() -> producer.send(forged).get(30, TimeUnit.SECONDS)).as(other)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The event of the 2026-12-07 probe: an application "submitted" for a made-up service, in binary CloudEvents. */
    private static ProducerRecord<String, byte[]> forged(String marker, String citizen) {
        String id = UUID.randomUUID().toString();
        String data = """
            {"applicationId":"%s","serviceCode":"%s","agency":"moi","citizenSubject":"%s"}""".formatted(id, marker, citizen);
        var record = new ProducerRecord<>(APPLICATIONS, id, data.getBytes(StandardCharsets.UTF_8));
        record.headers()
            .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
            .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
            .add("ce_source", "/bawaba/eservices".getBytes(StandardCharsets.UTF_8))
            .add("ce_type", "org.bawaba.eservices.application.submitted.v1".getBytes(StandardCharsets.UTF_8))
            .add("ce_subject", id.getBytes(StandardCharsets.UTF_8))
            .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
