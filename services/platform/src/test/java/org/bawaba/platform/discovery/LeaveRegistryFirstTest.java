package org.bawaba.platform.discovery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class LeaveRegistryFirstTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DiscoveryAutoConfiguration.class))
		.withUserConfiguration(Service.class);

	@Test
	void aStoppingServiceLeavesTheRegistryAndDrainsBeforeItsWebServerStops() {
		Service.events.clear();
		long[] closed = new long[2];
		contexts.withPropertyValues("bawaba.shutdown.drain=300ms").run(context -> closed[0] = System.nanoTime());
		closed[1] = System.nanoTime();

		assertThat(Service.events).containsExactly("deregistered", "web server stopped");
		assertThat(closed[1] - closed[0]).isGreaterThanOrEqualTo(300_000_000L);
	}

	@Test
	void withoutADrainNothingChangesOnStop() {
		Service.events.clear();
		contexts.run(context -> assertThat(context).doesNotHaveBean(LeaveRegistryFirst.class));

		assertThat(Service.events).containsExactly("web server stopped");
	}

	@Configuration(proxyBeanMethods = false)
	static class Service {

		static final List<String> events = new CopyOnWriteArrayList<>();

		@Bean
		Registration registration() {
			return mock(Registration.class);
		}

		@Bean
		ServiceRegistry<Registration> registry() {
			return new ServiceRegistry<>() {
				@Override
				public void register(Registration registration) {
				}

				@Override
				public void deregister(Registration registration) {
					events.add("deregistered");
				}

				@Override
				public void close() {
				}

				@Override
				public void setStatus(Registration registration, String status) {
				}

				@Override
				public <T> T getStatus(Registration registration) {
					return null;
				}
			};
		}

		/** Stands for the web server's graceful shutdown, the lifecycle that stops first. */
		@Bean
		SmartLifecycle webServer() {
			return new SmartLifecycle() {
				private volatile boolean running;

				@Override
				public void start() {
					running = true;
				}

				@Override
				public void stop() {
					events.add("web server stopped");
					running = false;
				}

				@Override
				public boolean isRunning() {
					return running;
				}

				@Override
				public int getPhase() {
					return Integer.MAX_VALUE - 2048;
				}
			};
		}

	}

}
