package org.bawaba.gateway.usage;

import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Usage records to Kafka ({@code bawaba.usage.*}, the broker from
 * {@code spring.kafka.bootstrap-servers}). The producer waits for every in-sync replica,
 * is idempotent, lingers briefly to send in batches, and blocks a flush for at most a second when
 * the broker is unreachable (the records then wait in the publisher's buffer). Requests never wait
 * on Kafka: they only add their record to that buffer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageProperties.class)
@ConditionalOnProperty(name = "bawaba.usage.enabled", matchIfMissing = true)
class UsageConfiguration {

	@Bean
	UsagePublisher usagePublisher(KafkaProperties kafka, UsageProperties properties, JsonMapper json) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 50);
		// send() waits this long for metadata when the broker is unreachable: only the publisher's
		// thread ever waits (requests just drop their record in its buffer), and a short wait keeps
		// shutdown and the first retry after an outage quick.
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
		config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "gateway-usage");
		CloudEventSerializer binaryMode = new CloudEventSerializer();
		binaryMode.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY), false);
		KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config, new StringSerializer(), binaryMode);
		return new UsagePublisher(producer, properties, json);
	}

	@Bean
	UsageRecorder usageRecorder(UsagePublisher publisher) {
		return new UsageRecorder(publisher);
	}

}
