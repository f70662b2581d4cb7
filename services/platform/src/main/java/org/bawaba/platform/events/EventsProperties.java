package org.bawaba.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bawaba.events.*}.
 *
 * @param source CloudEvents {@code source}, default {@code /bawaba/${spring.application.name}}
 * @param outbox the relay from the outbox table to Kafka
 * @param inbox {@code @InboxListener} consumers
 */
@ConfigurationProperties("bawaba.events")
public record EventsProperties(String source, @DefaultValue Outbox outbox, @DefaultValue Inbox inbox) {

	/**
	 * @param enabled whether this instance runs the relay (one relay per database runs at a time anyway)
	 * @param pollInterval how often the relay looks for events besides being woken by commits
	 * @param batchSize events sent per relay transaction
	 * @param sendTimeout how long one send may take before the relay stops and retries later
	 */
	public record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
			@DefaultValue("100") int batchSize, @DefaultValue("10s") Duration sendTimeout) {
	}

	/**
	 * @param attempts deliveries of one record before it goes to {@code <topic>.dlt} (first included)
	 * @param initialBackoff wait before the second attempt
	 * @param multiplier back-off growth
	 * @param maxBackoff longest wait between attempts
	 * @param authRetry wait before a consumer the brokers refused (its ACLs removed, e.g. while its agency is
	 * offboarded, or not applied yet) asks again; without it the consumer would stop for good
	 * @param topicDiscovery how soon a consumer of per-agency topics finds the topic of an agency onboarded
	 * after it started (Kafka's {@code metadata.max.age.ms}); it reads such a topic from its first event
	 */
	public record Inbox(@DefaultValue("4") int attempts, @DefaultValue("500ms") Duration initialBackoff,
			@DefaultValue("2.0") double multiplier, @DefaultValue("10s") Duration maxBackoff,
			@DefaultValue("10s") Duration authRetry, @DefaultValue("30s") Duration topicDiscovery) {
	}

}
