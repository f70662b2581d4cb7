package org.bawaba.platform.events;

import javax.sql.DataSource;

import org.bawaba.platform.events.inbox.InboxConfiguration;
import org.bawaba.platform.events.outbox.OutboxConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

/** Events: the platform tables, the outbox and its relay, inbox listeners. */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		JdbcClientAutoConfiguration.class, KafkaAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(EventsProperties.class)
@Import({ OutboxConfiguration.class, InboxConfiguration.class })
public class EventsAutoConfiguration {

	@Bean
	PlatformSchema bawabaPlatformSchema(DataSource dataSource) {
		return new PlatformSchema(dataSource);
	}

}
