package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The suite runs as many instances of every service and of the gateway as {@code ./bawaba run --replicas N} was
 * told (1 without it; the launcher keeps N in the runtime's {@code run/replicas}): each registered and up at the
 * registry, on a port of its own, and the one public entry answers. The journeys that cross instances (an
 * application with its payment, a newborn's registration, a vote, a live notice, a browser session) are run
 * against the replicated suite by {@code ./bawaba test}.
 */
class ReplicasIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final String REGISTRY = "http://localhost:" + System.getProperty("bawaba.registry.port", "8761");

    @Test
    void everyServiceAndGatewayRunsAsManyInstancesAsAskedAllRegisteredAndUp() throws IOException {
        int replicas = Suite.replicas();
        Map<String, List<JsonNode>> registered = registered();
        for (String service : services()) {
            List<JsonNode> instances = registered.getOrDefault(service.toUpperCase(), List.of());
            assertThat(instances).as("instances of %s at the registry", service).hasSize(replicas)
                .allSatisfy(instance -> assertThat(instance.get("status").asString()).isEqualTo("UP"));
            assertThat(instances.stream().map(instance -> instance.get("port").get("$").asInt()).distinct())
                .as("ports of %s", service).hasSize(replicas);
            // each reachable where it says it is: the address its callers (the gateway, the portal) connect to
            for (JsonNode instance : instances) {
                String address = instance.get("hostName").asString() + ":" + instance.get("port").get("$").asInt();
                assertThat(reachable(instance.get("hostName").asString(), instance.get("port").get("$").asInt()))
                    .as("%s registered at %s", service, address).isTrue();
            }
        }
        // the public entry (the gateway, or the balancer in front of the gateways) answers every request
        for (int i = 0; i < 4 * replicas; i++) {
            var catalogue = Suite.get(Suite.GATEWAY + "/api/eservices/services", null);
            assertThat(catalogue.statusCode()).as(catalogue.body()).isEqualTo(200);
        }
    }

    /**
     * As many brokers as {@code ./bawaba run --kafka-brokers N} was told (the launcher keeps N in
     * {@code run/kafka-brokers}), and every platform topic on all of them: with three, three replicas of which two
     * must be in sync before a write is acknowledged, so that one broker may be lost without losing an event.
     */
    @Test
    void everyTopicHasAReplicaOnEveryBrokerAndTwoInSyncWithThree() throws Exception {
        Path file = Suite.RUNTIME.resolve("run").resolve("kafka-brokers");
        int brokers = Files.exists(file) ? Integer.parseInt(Files.readString(file).trim()) : 1;
        try (Admin operator = Admin.create(Suite.kafkaOperator())) {
            assertThat(operator.describeCluster().nodes().get()).hasSize(brokers);
            List<String> topics = operator.listTopics().names().get().stream()
                .filter(name -> name.startsWith("bawaba.")).sorted().toList();
            assertThat(topics).as("platform topics").isNotEmpty();
            Map<String, TopicDescription> described = operator.describeTopics(topics).allTopicNames().get();
            Map<ConfigResource, Config> configs = operator.describeConfigs(topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList()).all().get();
            for (String topic : topics) {
                for (TopicPartitionInfo partition : described.get(topic).partitions()) {
                    assertThat(partition.replicas()).as("replicas of %s-%d", topic, partition.partition()).hasSize(brokers);
                    assertThat(partition.isr()).as("in-sync replicas of %s-%d", topic, partition.partition()).hasSize(brokers);
                }
                assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic)).get("min.insync.replicas").value())
                    .as("min.insync.replicas of %s", topic).isEqualTo(brokers == 1 ? "1" : "2");
            }
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }

    /** The Spring applications of services.conf (the registry registers each under its name). */
    private static List<String> services() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/local/services.conf"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3 && !line.startsWith("#")) {
                names.add(fields[0]);
            }
        }
        assertThat(names).contains("eservices", "notifications", "gateway");
        return names;
    }

    /** The registry's instances by application, read as its operator. */
    private static Map<String, List<JsonNode>> registered() {
        String operator = Base64.getEncoder().encodeToString(("operator:" + Suite.secret("BAWABA_REGISTRY_OPERATOR_PASSWORD"))
            .getBytes(StandardCharsets.UTF_8));
        var apps = Suite.send(HttpRequest.newBuilder(URI.create(REGISTRY + "/eureka/apps"))
            .header("Accept", "application/json").header("Authorization", "Basic " + operator).GET().build());
        assertThat(apps.statusCode()).as(apps.body()).isEqualTo(200);
        Map<String, List<JsonNode>> registered = new HashMap<>();
        for (JsonNode app : Suite.json(apps.body()).get("applications").get("application")) {
            List<JsonNode> instances = new ArrayList<>();
            app.get("instance").forEach(instances::add);
            registered.put(app.get("name").asString(), instances);
        }
        return registered;
    }
}
