package org.bawaba.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request produces a usage record on Kafka (embedded broker), as a CloudEvent in binary
 * mode, with nothing personal in it.
 */
class UsageTest extends GatewayTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	EmbeddedKafkaBroker kafka;

	@Test
	void requestsArriveInKafkaAsUsageRecordsWithoutPersonalData() {
		String subject = UUID.randomUUID().toString();
		String token = TestTokens.sign(TestTokens.person(subject));
		String path = "/applications/28412345678-" + UUID.randomUUID();
		try (Consumer<String, byte[]> consumer = consumer()) {
			this.client.get().uri("/api/counted" + path + "?national_id=28412345678")
				.headers(headers -> headers.setBearerAuth(token))
				.header("X-Forwarded-For", "198.51.100.7")
				.exchange()
				.expectStatus().isOk();
			this.client.post().uri("/api/counted/anonymous").exchange().expectStatus().isOk();
			this.client.get().uri("/api/nothing-" + UUID.randomUUID()).exchange().expectStatus().isNotFound();

			List<ConsumerRecord<String, byte[]>> records = poll(consumer);

			ConsumerRecord<String, byte[]> signedIn = find(records, "counted", "GET", 200);
			assertThat(signedIn.key()).isEqualTo("counted");
			assertThat(header(signedIn, "ce_specversion")).isEqualTo("1.0");
			assertThat(header(signedIn, "ce_type")).isEqualTo("org.bawaba.gateway.usage.recorded.v1");
			assertThat(header(signedIn, "ce_source")).isEqualTo("/bawaba/gateway");
			assertThat(header(signedIn, "ce_id")).isNotBlank();
			assertThat(header(signedIn, "ce_time")).isNotBlank();
			assertThat(header(signedIn, "content-type")).isEqualTo("application/json");
			JsonNode data = JSON.readTree(signedIn.value());
			assertThat(data.get("route").asString()).isEqualTo("service-counted");
			assertThat(data.get("status").asInt()).isEqualTo(200);
			assertThat(data.get("caller").asString()).isEqualTo("SIGNED_IN");
			assertThat(data.get("latencyMs").asLong()).isNotNegative();
			assertThat(data.propertyNames()).containsExactlyInAnyOrder("route", "service", "agency", "method",
					"status", "latencyMs", "caller");

			assertThat(JSON.readTree(find(records, "counted", "POST", 200).value()).get("caller").asString())
				.isEqualTo("ANONYMOUS");
			ConsumerRecord<String, byte[]> unknown = find(records, null, "GET", 404);
			assertThat(unknown.key()).isEqualTo("gateway");
			assertThat(JSON.readTree(unknown.value()).get("status").asInt()).isEqualTo(404);

			for (ConsumerRecord<String, byte[]> record : records) {
				StringBuilder everything = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
				for (Header header : record.headers()) {
					everything.append(' ').append(new String(header.value(), StandardCharsets.UTF_8));
				}
				assertThat(everything.toString()).doesNotContain(subject)
					.doesNotContain("28412345678")
					.doesNotContain("amina")
					.doesNotContain("Amina")
					.doesNotContain("127.0.0.1")
					.doesNotContain("198.51.100.7")
					.doesNotContain("/applications")
					.doesNotContain("eyJ");
			}
		}
	}

	private Consumer<String, byte[]> consumer() {
		Map<String, Object> config = KafkaTestUtils.consumerProps(this.kafka, "usage-test-" + UUID.randomUUID(),
				false);
		config.put("auto.offset.reset", "latest");
		Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new ByteArrayDeserializer()).createConsumer();
		this.kafka.consumeFromAnEmbeddedTopic(consumer, "bawaba.gateway.usage");
		return consumer;
	}

	/** The records that arrive until those of this test's three requests are in, ten seconds at most. */
	private static List<ConsumerRecord<String, byte[]>> poll(Consumer<String, byte[]> consumer) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!(has(records, "counted", "GET", 200) && has(records, "counted", "POST", 200) && has(records, null, "GET", 404))
				&& System.nanoTime() < deadline) {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
	}

	private static boolean has(List<ConsumerRecord<String, byte[]>> records, String service, String method,
			int status) {
		return records.stream().anyMatch(record -> matches(record, service, method, status));
	}

	private static boolean matches(ConsumerRecord<String, byte[]> record, String service, String method,
			int status) {
		JsonNode data = JSON.readTree(record.value());
		String recorded = data.get("service").isNull() ? null : data.get("service").asString();
		return Objects.equals(recorded, service) && data.get("method").asString().equals(method)
				&& data.get("status").asInt() == status;
	}

	private static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, String service,
			String method, int status) {
		return records.stream()
			.filter(record -> matches(record, service, method, status))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no usage record of " + method + " " + service + " " + status));
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
