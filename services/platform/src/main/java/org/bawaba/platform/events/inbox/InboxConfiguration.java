package org.bawaba.platform.events.inbox;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bawaba.platform.events.EventsProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link InboxListener} support. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

	@Bean
	static InboxContainers bawabaInboxContainers(ObjectProvider<KafkaProperties> kafka,
			ObjectProvider<JdbcClient> jdbc, ObjectProvider<PlatformTransactionManager> transactionManager,
			ObjectProvider<JsonMapper> json, ObjectProvider<EventsProperties> properties,
			ObjectProvider<org.bawaba.platform.events.PlatformSchema> schema, Environment environment) {
		return new InboxContainers(new InboxContainers.Dependencies() {

			@Override
			public ConsumerFactory<String, byte[]> consumers() {
				schema.getObject();
				Map<String, Object> config = kafka.getObject().buildConsumerProperties();
				config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
				config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
				config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
				return new DefaultKafkaConsumerFactory<>(config);
			}

			@Override
			public KafkaTemplate<String, byte[]> deadLetters() {
				Map<String, Object> config = kafka.getObject().buildProducerProperties();
				config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
				config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
				config.put(ProducerConfig.CLIENT_ID_CONFIG, "bawaba-inbox-dlt");
				return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
			}

			@Override
			public JdbcClient jdbc() {
				return jdbc.getObject();
			}

			@Override
			public TransactionTemplate transactions() {
				return new TransactionTemplate(transactionManager.getObject());
			}

			@Override
			public JsonMapper json() {
				return json.getIfAvailable(() -> JsonMapper.builder().build());
			}

			@Override
			public EventsProperties.Inbox properties() {
				return properties.getObject().inbox();
			}

			@Override
			public String defaultGroup() {
				return environment.getProperty("spring.kafka.consumer.group-id",
						environment.getProperty("spring.application.name", "bawaba"));
			}

		});
	}

}
