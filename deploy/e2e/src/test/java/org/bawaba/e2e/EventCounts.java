package org.bawaba.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records each of the suite's Kafka topics holds (the sum of its partitions' end offsets), read
 * with Kafka's Admin client, signed in as the broker's operator ({@link Suite#kafkaOperator()}).
 */
final class EventCounts implements AutoCloseable {

    private final Admin admin;

    EventCounts() {
        Map<String, Object> config = new java.util.HashMap<>(Suite.kafkaOperator());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.admin = Admin.create(config);
    }

    /** Records per topic, for the topics whose name starts with one of {@code prefixes}. */
    Map<String, Long> count(java.util.Collection<String> prefixes) {
        try {
            var topics = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                .filter(topic -> prefixes.stream().anyMatch(topic::startsWith))
                .collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return Map.of();
            }
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS)
                .values().stream()
                .flatMap(description -> description.partitions().stream()
                    .map(partition -> new TopicPartition(description.name(), partition.partition())))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(request).all()
                .get(15, TimeUnit.SECONDS);
            Map<String, Long> counts = new TreeMap<>();
            offsets.forEach((partition, info) -> counts.merge(partition.topic(), info.offset(), Long::sum));
            return counts;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + Suite.KAFKA_OPERATOR + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
