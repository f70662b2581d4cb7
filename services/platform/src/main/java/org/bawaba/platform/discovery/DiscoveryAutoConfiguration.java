package org.bawaba.platform.discovery;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A service that stops leaves the registry first and drains for {@code bawaba.shutdown.drain} (BAWABA_SHUTDOWN_DRAIN:
 * the cluster sets it, and {@code ./bawaba run --replicas N}; with one instance nothing routes around a stopped
 * service, so the local run leaves it unset).
 */
@AutoConfiguration(afterName = "org.springframework.cloud.netflix.eureka.EurekaClientAutoConfiguration")
@ConditionalOnProperty("bawaba.shutdown.drain")
public class DiscoveryAutoConfiguration {

	@Bean
	@ConditionalOnBean({ ServiceRegistry.class, Registration.class })
	@SuppressWarnings({ "unchecked", "rawtypes" })
	LeaveRegistryFirst bawabaLeaveRegistryFirst(ApplicationContext context, ServiceRegistry registry,
			Registration registration) {
		Duration drain = Binder.get(context.getEnvironment()).bind("bawaba.shutdown.drain", Duration.class).get();
		return new LeaveRegistryFirst(context, registry, registration, drain);
	}

}
