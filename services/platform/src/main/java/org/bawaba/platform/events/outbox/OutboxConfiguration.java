package org.bawaba.platform.events.outbox;

import java.time.Clock;
import java.util.Map;

import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bawaba.platform.events.EventsProperties;
import org.bawaba.platform.events.PlatformSchema;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: {@link EventPublisher} for services, the relay that sends to Kafka. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

	/** The relay's own producer: idempotent, {@code acks=all}, short blocking so a down broker is noticed fast. */
	@Bean
	DefaultKafkaProducerFactory<String, byte[]> bawabaOutboxProducerFactory(KafkaProperties kafka,
			EventsProperties properties) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		long timeout = properties.outbox().sendTimeout().toMillis();
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(timeout, 5000));
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 5000));
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "bawaba-outbox-relay");
		return new DefaultKafkaProducerFactory<>(config);
	}

	@Bean
	OutboxRelay bawabaOutboxRelay(PlatformSchema schema, JdbcClient jdbc, PlatformTransactionManager transactionManager,
			DefaultKafkaProducerFactory<String, byte[]> bawabaOutboxProducerFactory, EventsProperties properties) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		return new OutboxRelay(jdbc, transactions, bawabaOutboxProducerFactory, properties.outbox());
	}

	@Bean
	EventPublisher bawabaEventPublisher(JdbcClient jdbc, ObjectProvider<JsonMapper> json, EventsProperties properties,
			OutboxRelay relay, ObjectProvider<Tracer> tracer) {
		return new EventPublisher(jdbc, json.getIfAvailable(() -> JsonMapper.builder().build()), properties.source(),
				relay, new TraceContext(tracer), Clock.systemUTC());
	}

}
