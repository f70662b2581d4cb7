package org.bawaba.gateway.usage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bawaba.usage.*}: the usage records sent to Kafka.
 *
 * @param enabled whether usage records are produced at all
 * @param topic the Kafka topic
 * @param flushInterval how often the waiting records are handed to the Kafka producer
 * @param batchSize the most records handed over per flush
 * @param bufferCapacity the most records kept waiting (while Kafka is down, for instance); beyond
 * it new records are dropped and counted, never blocking a request
 */
@ConfigurationProperties("bawaba.usage")
record UsageProperties(boolean enabled, String topic, Duration flushInterval, int batchSize, int bufferCapacity) {

	UsageProperties {
		topic = (topic == null || topic.isBlank()) ? UsageEvents.TOPIC : topic;
		flushInterval = (flushInterval != null) ? flushInterval : Duration.ofSeconds(1);
		batchSize = (batchSize > 0) ? batchSize : 1000;
		bufferCapacity = (bufferCapacity > 0) ? bufferCapacity : 200_000;
	}

}
