package org.bawaba.gateway.usage;

import java.time.Duration;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.gateway.UsageRecordedV1;
import org.bawaba.contracts.gateway.UsageRecordedV1.CallerKind;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher keeps what Kafka did not take and sends it again, never blocks an offer, and
 * drops (and counts) only beyond its buffer.
 */
class UsagePublisherTest {

	private static final Serializer<CloudEvent> UNUSED = (topic, event) -> new byte[0];

	private final MockProducer<String, CloudEvent> kafka = new MockProducer<>(false, null,
			(topic, key) -> new byte[0], UNUSED);

	private final UsagePublisher publisher = new UsagePublisher(this.kafka,
			new UsageProperties(true, "usage-test", Duration.ofSeconds(1), 100, 3), JsonMapper.builder().build());

	@Test
	void recordsKafkaDidNotAcknowledgeAreSentAgainWithTheSameIds() {
		this.publisher.offer(record("opendata"));
		this.publisher.offer(record("eservices"));

		this.publisher.flush();
		assertThat(this.kafka.history()).hasSize(2);
		List<String> ids = ids(this.kafka.history());
		// the broker is down: both sends time out
		failAll(new TimeoutException("broker down"));
		assertThat(this.publisher.waiting()).isEqualTo(2);

		this.publisher.flush();
		acknowledgeAll();

		assertThat(this.publisher.sent()).isEqualTo(2);
		assertThat(this.publisher.waiting()).isZero();
		assertThat(ids(this.kafka.history().subList(2, 4))).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.kafka.history().subList(2, 4)).extracting(ProducerRecord::key)
			.containsExactlyInAnyOrder("opendata", "eservices");
	}

	@Test
	void aSendThatFailsAtOnceKeepsTheRestOfTheBatch() {
		this.publisher.offer(record("opendata"));
		this.publisher.offer(record("opendata"));
		this.kafka.sendException = new TimeoutException("no metadata within max.block.ms");

		this.publisher.flush();

		assertThat(this.publisher.waiting()).isEqualTo(2);
		this.kafka.sendException = null;
		this.publisher.flush();
		acknowledgeAll();
		assertThat(this.publisher.sent()).isEqualTo(2);
	}

	@Test
	void beyondItsBufferThePublisherDropsAndCountsWithoutBlocking() {
		for (int i = 0; i < 5; i++) {
			this.publisher.offer(record("opendata"));
		}
		assertThat(this.publisher.waiting()).isEqualTo(3);
		assertThat(this.publisher.dropped()).isEqualTo(2);
	}

	@Test
	void eachRecordIsACloudEventOfTheUsageTypeWithJsonData() {
		this.publisher.offer(new UsageRecordedV1("service-opendata", "opendata", null, "GET", 200, 12, CallerKind.ANONYMOUS));
		this.publisher.flush();

		CloudEvent event = this.kafka.history().get(0).value();
		assertThat(event.getType()).isEqualTo("org.bawaba.gateway.usage.recorded.v1");
		assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
		assertThat(event.getDataContentType()).isEqualTo("application/json");
		assertThat(new String(event.getData().toBytes())).isEqualTo(
				"{\"route\":\"service-opendata\",\"service\":\"opendata\",\"agency\":null,\"method\":\"GET\","
						+ "\"status\":200,\"latencyMs\":12,\"caller\":\"ANONYMOUS\"}");
	}

	private void failAll(RuntimeException failure) {
		boolean more = true;
		while (more) {
			more = this.kafka.errorNext(failure);
		}
	}

	private void acknowledgeAll() {
		boolean more = true;
		while (more) {
			more = this.kafka.completeNext();
		}
	}

	private static UsageRecordedV1 record(String service) {
		return new UsageRecordedV1("service-" + service, service, null, "GET", 200, 3, CallerKind.SIGNED_IN);
	}

	private static List<String> ids(List<ProducerRecord<String, CloudEvent>> records) {
		return records.stream().map(record -> record.value().getId()).toList();
	}

}
