package org.bawaba.platform.test;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

/**
 * CloudEvents as another service would publish them (binary mode, key = subject), for tests that play
 * the other side of a topic.
 */
public final class TestEvents {

	private TestEvents() {
	}

	/** An event of {@code type} about {@code subject} (also the Kafka key), with JSON {@code data}. */
	public static CloudEvent event(String source, String type, String subject, byte[] data) {
		return CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(URI.create(source))
			.withType(type)
			.withSubject(subject)
			.withTime(OffsetDateTime.now())
			.withDataContentType("application/json")
			.withData(data)
			.build();
	}

	/** Sends {@code event} to {@code topic} in binary mode, keyed by its subject; waits for the broker's ack. */
	public static void send(String bootstrap, String topic, CloudEvent event) {
		TestKafka.send(bootstrap, KafkaMessageFactory.createWriter(topic, null, null, event.getSubject())
			.writeBinary(event));
	}

	/** Builds and sends an event; returns it (to send it again, or to find it by id). */
	public static CloudEvent send(String bootstrap, String topic, String source, String type, String subject,
			byte[] data) {
		CloudEvent event = event(source, type, subject, data);
		send(bootstrap, topic, event);
		return event;
	}

}
