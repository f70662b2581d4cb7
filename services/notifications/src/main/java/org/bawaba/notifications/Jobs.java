package org.bawaba.notifications;

import java.time.Duration;

import org.bawaba.notifications.delivery.DeliveryWorker;
import org.bawaba.notifications.inbox.LiveStream;
import org.bawaba.notifications.webhook.WebhookWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The background jobs, at the intervals of {@code notifications.*}. */
@Configuration(proxyBeanMethods = false)
class Jobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	private final NotificationsProperties properties;

	private final DeliveryWorker deliveries;

	private final WebhookWorker webhooks;

	private final LiveStream live;

	Jobs(NotificationsProperties properties, DeliveryWorker deliveries, WebhookWorker webhooks, LiveStream live) {
		this.properties = properties;
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.live = live;
	}

	// no job lock, on any number of instances: deliveries and webhooks claim rows with for update skip locked,
	// the heartbeat is for this instance's own streams, and retention deletes what is old (idempotent)
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(guarded("deliveries", () -> {
			while (deliveries.runOnce() == properties.delivery().batchSize()) {
				// a full batch: more may be due
			}
		}), properties.delivery().pollInterval());
		tasks.addFixedDelayTask(guarded("webhooks", () -> {
			while (webhooks.runOnce() > 0) {
				// keep going while there is work
			}
		}), properties.webhooks().pollInterval());
		tasks.addFixedDelayTask(guarded("heartbeat", live::heartbeat), properties.stream().heartbeat());
		tasks.addFixedDelayTask(guarded("retention", webhooks::expire), Duration.ofHours(1));
	}

	private static Runnable guarded(String name, Runnable job) {
		return () -> {
			try {
				job.run();
			}
			catch (RuntimeException ex) {
				log.warn("Job {} failed: {}", name, ex.toString());
			}
		};
	}

}
