package org.bawaba.notifications.inbox;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bawaba.notifications.Channel;
import org.bawaba.notifications.NotificationsProperties.EventRule;
import org.bawaba.notifications.delivery.Channels;
import org.bawaba.notifications.person.Person;
import org.bawaba.notifications.person.PersonStore;
import org.bawaba.notifications.person.Preferences;
import org.bawaba.notifications.support.AfterCommit;
import org.bawaba.notifications.template.Template;
import org.bawaba.notifications.template.TemplateRenderer;
import org.bawaba.notifications.template.TemplateRenderer.Rendered;
import org.bawaba.notifications.template.TemplateStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Turns one event for one person into exactly one notice (idempotent on the event id), or adds it to the
 * person's open consolidated notice with the same key, and queues the e-mail and SMS deliveries. Runs
 * inside the inbox transaction of the event.
 */
@Service
public class Notices {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	private static final Locale ARABIC = Locale.forLanguageTag("ar");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PersonStore people;

	private final Preferences preferences;

	private final TemplateStore templates;

	private final TemplateRenderer renderer;

	private final LiveStream live;

	private final Channels deliveryChannels;

	Notices(JdbcClient jdbc, JsonMapper json, PersonStore people, Preferences preferences, TemplateStore templates,
			TemplateRenderer renderer, LiveStream live, Channels deliveryChannels) {
		this.jdbc = jdbc;
		this.json = json;
		this.people = people;
		this.preferences = preferences;
		this.templates = templates;
		this.renderer = renderer;
		this.live = live;
		this.deliveryChannels = deliveryChannels;
	}

	/** Notifies {@code sub} of one event. */
	public void notify(String sub, String type, EventRule rule, String eventId, JsonNode data) {
		Person person = people.find(sub);
		Set<Channel> channels = preferences.channels(person, rule.category(), rule.required());
		if (channels.isEmpty()) {
			log.debug("{} opted out of {}; no notice for {}", sub, rule.category(), eventId);
			return;
		}
		boolean known = jdbc.sql("select count(*) from notice_event where event_id = ? and recipient = ?")
			.params(eventId, sub).query(Long.class).single() > 0;
		if (known) {
			log.info("Event {} already noticed to {}; duplicate ignored", eventId, sub);
			return;
		}
		Template template = template(rule);
		String dataText = json.writeValueAsString(data);
		Duration window = rule.consolidationWindow() == null ? Duration.ZERO : rule.consolidationWindow();
		String key = rule.consolidationKey() == null || window.isZero() ? null
				: type.substring(0, type.lastIndexOf('.')) + ":" + renderer.fill(rule.consolidationKey(), data, Locale.ENGLISH, Map.of());
		if (key != null && consolidate(sub, key, type, eventId, dataText, template)) {
			return;
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		Rendered en = renderer.render(template, List.of(data), Locale.ENGLISH);
		Rendered ar = renderer.render(template, List.of(data), ARABIC);
		jdbc.sql("""
				insert into notice (id, recipient, category, event_type, template_code, template_version, subject_en,
				  body_en, subject_ar, body_ar, link, required, in_inbox, consolidation_key, window_ends_at,
				  created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, sub, rule.category(), type, template.code(), template.version(), en.subject(), en.body(),
					ar.subject(), ar.body(), link(rule, data), rule.required(), channels.contains(Channel.INBOX), key,
					Timestamp.from(now.plus(window)), Timestamp.from(now), Timestamp.from(now))
			.update();
		jdbc.sql("insert into notice_event (event_id, recipient, notice_id, data) values (?, ?, ?, ?::jsonb)")
			.params(eventId, sub, id, dataText)
			.update();
		Instant due = now.plus(window);
		Instant quiet = preferences.quietUntil(person, now);
		if (quiet != null && quiet.isAfter(due)) {
			due = quiet;
		}
		for (Channel channel : channels) {
			if (channel != Channel.INBOX) {
				// a channel not configured here is recorded as such at once, without a trip through the job
				boolean configured = deliveryChannels.configured(channel);
				jdbc.sql("""
						insert into delivery (notice_id, recipient, channel, status, next_attempt_at)
						values (?, ?, ?, ?, ?)""")
					.params(id, sub, channel.name(), configured ? "PENDING" : "NOT_CONFIGURED",
							configured ? Timestamp.from(due) : null)
					.update();
			}
		}
		if (channels.contains(Channel.INBOX)) {
			push(sub, id, rule.category(), type, en, ar, link(rule, data), 1, now, now);
		}
	}

	/** Adds the event to the open notice with this key, if there is one. */
	private boolean consolidate(String sub, String key, String type, String eventId, String dataText, Template template) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(? || '|' || ?))").params(sub, key).query().singleRow();
		record Open(UUID id, String category, String link, boolean inInbox, Instant createdAt) {
		}
		Optional<Open> open = jdbc.sql("""
				select id, category, link, in_inbox, created_at from notice
				where recipient = ? and consolidation_key = ? and window_ends_at > now()
				order by created_at desc limit 1 for update""")
			.params(sub, key)
			.query((row, index) -> new Open(row.getObject("id", UUID.class), row.getString("category"),
					row.getString("link"), row.getBoolean("in_inbox"), row.getTimestamp("created_at").toInstant()))
			.optional();
		if (open.isEmpty()) {
			return false;
		}
		UUID id = open.get().id();
		jdbc.sql("insert into notice_event (event_id, recipient, notice_id, data) values (?, ?, ?, ?::jsonb)")
			.params(eventId, sub, id, dataText)
			.update();
		List<JsonNode> events = jdbc.sql("select data::text from notice_event where notice_id = ? order by received_at, event_id")
			.param(id)
			.query(String.class)
			.list()
			.stream()
			.map(text -> (JsonNode) json.readTree(text))
			.toList();
		Rendered en = renderer.render(template, events, Locale.ENGLISH);
		Rendered ar = renderer.render(template, events, ARABIC);
		jdbc.sql("""
				update notice set subject_en = ?, body_en = ?, subject_ar = ?, body_ar = ?, event_type = ?,
				  event_count = ?, template_version = ?, updated_at = now(), read_at = null, deleted_at = null
				where id = ?""")
			.params(en.subject(), en.body(), ar.subject(), ar.body(), type, events.size(), template.version(), id)
			.update();
		if (open.get().inInbox()) {
			push(sub, id, open.get().category(), type, en, ar, open.get().link(), events.size(), open.get().createdAt(),
					Instant.now());
		}
		return true;
	}

	/** After commit, the notice to the reader's open streams (no query: the texts are at hand). */
	private void push(String sub, UUID id, String category, String type, Rendered en, Rendered ar,
			@Nullable String link, int events, Instant createdAt, Instant updatedAt) {
		NoticeView english = new NoticeView(id, category, type, en.subject(), en.body(), "en", "ltr", link, events,
				createdAt, updatedAt, false, false);
		NoticeView arabic = new NoticeView(id, category, type, ar.subject(), ar.body(), "ar", "rtl", link, events,
				createdAt, updatedAt, false, false);
		AfterCommit.run(() -> live.push(sub, english, arabic));
	}

	/** A notice to everyone with {@code audienceRole}, shown in their inboxes on read. */
	public void broadcast(String audienceRole, String type, EventRule rule, String eventId, JsonNode data,
			@Nullable Instant expiresAt) {
		Template template = template(rule);
		UUID id = UUID.randomUUID();
		Rendered en = renderer.render(template, List.of(data), Locale.ENGLISH);
		Rendered ar = renderer.render(template, List.of(data), ARABIC);
		int inserted = jdbc.sql("""
				insert into broadcast (id, event_id, audience_role, category, event_type, template_code,
				  template_version, subject_en, body_en, subject_ar, body_ar, link, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
			.params(id, eventId, audienceRole, rule.category(), type, template.code(), template.version(), en.subject(),
					en.body(), ar.subject(), ar.body(), link(rule, data), expiresAt == null ? null : Timestamp.from(expiresAt))
			.update();
		if (inserted > 0) {
			AfterCommit.run(() -> live.broadcast(id, audienceRole, rule.category()));
		}
	}

	private Template template(EventRule rule) {
		return templates.current(rule.template())
			.orElseThrow(() -> new IllegalStateException("No template " + rule.template()));
	}

	private @Nullable String link(EventRule rule, JsonNode data) {
		return rule.link() == null ? null : renderer.fill(rule.link(), data, Locale.ENGLISH, Map.of());
	}

}
