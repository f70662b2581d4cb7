package org.bawaba.notifications.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Contracts;
import org.bawaba.contracts.DomainEvent;
import org.bawaba.notifications.NotificationsProperties;
import org.bawaba.notifications.NotificationsProperties.EventRule;
import org.bawaba.notifications.inbox.Notices;
import org.bawaba.notifications.template.Names;
import org.bawaba.notifications.webhook.WebhookQueue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * One consumed event: kept for webhooks, applied to the local replicas, then turned into notices by the
 * event table ({@code notifications.events}). Runs in the inbox transaction of the event.
 */
@Service
public class EventIntake {

	/** The contract record of each type already in {@code services/contracts}; its data must fit it. */
	private static final Map<String, Class<? extends DomainEvent>> CONTRACTS = Contracts.EVENTS.stream()
		.collect(Collectors.toMap(event -> Contracts.typeOf(event).value(), event -> event));

	private final NotificationsProperties properties;

	private final JsonMapper json;

	private final Replicas replicas;

	private final Recipients recipients;

	private final Notices notices;

	private final WebhookQueue webhooks;

	private final Names names;

	EventIntake(NotificationsProperties properties, JsonMapper json, Replicas replicas, Recipients recipients,
			Notices notices, WebhookQueue webhooks, Names names) {
		this.properties = properties;
		this.json = json;
		this.replicas = replicas;
		this.recipients = recipients;
		this.notices = notices;
		this.webhooks = webhooks;
		this.names = names;
	}

	public void accept(CloudEvent event) {
		byte[] bytes = event.getData() == null ? new byte[0] : event.getData().toBytes();
		String type = event.getType();
		JsonNode data;
		try {
			data = json.readTree(bytes);
			Class<? extends DomainEvent> contract = CONTRACTS.get(type);
			if (contract != null) {
				json.treeToValue(data, contract);
			}
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Data of " + event.getId() + " (" + type + ") is not valid", ex);
		}
		webhooks.record(event, bytes);
		replicas.apply(type, data);
		EventRule rule = properties.events().get(type);
		if (rule == null) {
			return;
		}
		Recipients.Resolved resolved = recipients.resolve(rule.recipients(), data);
		if (resolved.audienceRole() == null && resolved.people().isEmpty()) {
			return;
		}
		// the names people read for the event's codes, once for all its notices
		JsonNode named = names.withNames(data);
		if (resolved.audienceRole() != null) {
			notices.broadcast(resolved.audienceRole(), type, rule, event.getId(), named, instant(data, "closesAt"));
		}
		for (String person : resolved.people()) {
			notices.notify(person, type, rule, event.getId(), named);
		}
	}

	private static Instant instant(JsonNode data, String field) {
		return Optional.ofNullable(Replicas.text(data, field)).map(Instant::parse).orElse(null);
	}

}
