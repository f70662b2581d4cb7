package org.bawaba.platform.discovery;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * On shutdown (Kubernetes' SIGTERM during a rolling upgrade or a scale-down), leaves the registry before
 * anything stops, then goes on serving for the drain time: callers that found this instance in their copy of
 * the registry (the gateway refreshes it every 5 s, its load balancer's cache 5 s later) still get answers
 * until they forget it. Only then does the web server's graceful shutdown begin. The context is closed
 * (and this event published) before any lifecycle stops.
 */
class LeaveRegistryFirst implements ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(LeaveRegistryFirst.class);

	private final ApplicationContext context;

	private final ServiceRegistry<Registration> registry;

	private final Registration registration;

	private final Duration drain;

	LeaveRegistryFirst(ApplicationContext context, ServiceRegistry<Registration> registry, Registration registration,
			Duration drain) {
		this.context = context;
		this.registry = registry;
		this.registration = registration;
		this.drain = drain;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != context) {
			return;
		}
		log.info("Stopping: leaving the registry, then serving {} more before the web server stops", drain);
		registry.deregister(registration);
		try {
			Thread.sleep(drain);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
