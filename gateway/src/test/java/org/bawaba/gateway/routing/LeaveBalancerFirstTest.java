package org.bawaba.gateway.routing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LeaveBalancerFirstTest {

	/** As a Spring Boot application's context: durations converted from text, ready once started. */
	private final ApplicationContextRunner contexts = new ApplicationContextRunner(() -> {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
		return context;
	}).withUserConfiguration(Gateway.class, LeaveBalancerFirst.class);

	@Test
	void aStoppingGatewayRefusesTrafficAtItsProbeAndDrainsBeforeItsWebServerStops() {
		Gateway.events.clear();
		long[] closed = new long[2];
		contexts.withPropertyValues("bawaba.shutdown.drain=300ms").run(context -> {
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			closed[0] = System.nanoTime();
		});
		closed[1] = System.nanoTime();

		assertThat(Gateway.events).containsExactly("readiness REFUSING_TRAFFIC", "web server stopped");
		assertThat(closed[1] - closed[0]).isGreaterThanOrEqualTo(300_000_000L);
	}

	@Test
	void withoutADrainItStopsAtOnce() {
		Gateway.events.clear();
		contexts.run(context -> {
			assertThat(context).doesNotHaveBean(LeaveBalancerFirst.class);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		});

		assertThat(Gateway.events).containsExactly("readiness ACCEPTING_TRAFFIC", "web server stopped");
	}

	@Configuration(proxyBeanMethods = false)
	static class Gateway {

		static final List<String> events = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationAvailabilityBean availability() {
			return new ApplicationAvailabilityBean();
		}

		/** Stands for the web server's graceful shutdown: records what the probe said when it began. */
		@Bean
		SmartLifecycle webServer(ApplicationAvailability availability) {
			return new SmartLifecycle() {

				private volatile boolean running;

				@Override
				public void start() {
					this.running = true;
				}

				@Override
				public void stop() {
					events.add("readiness " + availability.getReadinessState());
					events.add("web server stopped");
					this.running = false;
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}
			};
		}

	}

}
