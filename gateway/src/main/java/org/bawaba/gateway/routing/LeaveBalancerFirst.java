package org.bawaba.gateway.routing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * On shutdown (a rolling restart, a scale-down), the gateway first says it is not ready and goes on serving for
 * {@code bawaba.shutdown.drain}: the load balancer in front of the gateways (HAProxy with {@code ./bawaba run
 * --replicas N}, checking readiness every second) stops sending it requests before its web server stops taking
 * them, so no request meets a closing connection. Unset (one gateway, nothing to route around it), it stops at
 * once. The services do the same with the registry (the platform's {@code LeaveRegistryFirst}).
 */
@Component
@ConditionalOnProperty("bawaba.shutdown.drain")
class LeaveBalancerFirst implements ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(LeaveBalancerFirst.class);

	private final ApplicationContext context;

	private final Duration drain;

	LeaveBalancerFirst(ApplicationContext context, @Value("${bawaba.shutdown.drain}") Duration drain) {
		this.context = context;
		this.drain = drain;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		log.info("Stopping: refusing traffic at the readiness probe, then serving {} more", this.drain);
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			Thread.sleep(this.drain);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
