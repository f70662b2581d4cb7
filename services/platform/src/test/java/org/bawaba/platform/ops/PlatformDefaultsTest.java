package org.bawaba.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

	@Test
	void defaultsSitBehindTheServicesOwnConfiguration() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("service", Map.of("spring.application.name", "eservices",
					"eureka.instance.metadata-map.agency", "moi")));
		new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("eureka.instance.metadata-map.agency")).isEqualTo("moi");
		assertThat(environment.getProperty("eureka.instance.metadata-map.public-path")).isEqualTo("/api/eservices");
		assertThat(environment.getProperty("bawaba.events.source")).isEqualTo("/bawaba/eservices");
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://localhost:5432/bawaba_eservices");
		assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("logging.structured.format.console")).isNull();
	}

	@Test
	void aPlatformServiceRegistersWithoutAnAgencySoTheGatewayRoutesItAtApiService() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("service", Map.of("spring.application.name", "opendata")));
		new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("eureka.instance.metadata-map.agency")).isEmpty();
		assertThat(environment.getProperty("eureka.instance.metadata-map.public-path")).isEqualTo("/api/opendata");
	}

	@Test
	void everyProducerAServiceBuildsWaitsForTheInSyncReplicasAndWritesOnce() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("service", Map.of("spring.application.name", "notifications")));
		new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

		KafkaProperties kafka = Binder.get(environment).bind("spring.kafka", KafkaProperties.class)
			.orElseThrow(() -> new AssertionError("no spring.kafka properties"));
		Map<String, Object> producer = kafka.buildProducerProperties();
		assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
	}

	@Test
	void prodLogsJson() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("prod");
		new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
	}

}
