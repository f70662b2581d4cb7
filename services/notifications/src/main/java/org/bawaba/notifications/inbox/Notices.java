package org.bawaba.notifications.inbox;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.bawaba.notifications.Channel;
import org.bawaba.notifications.NotificationsProperties.EventRule;
import org.bawaba.notifications.delivery.Channels;
import org.bawaba.notifications.person.Person;
import org.bawaba.notifications.person.PersonStore;
import org.bawaba.notifications.person.Preferences;
import org.bawaba.notifications.support.PerTransaction;
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

	private final LiveSignals signals;

	private final Channels deliveryChannels;

	private final PerTransaction<Pending> pending = new PerTransaction<>(this::write);

	Notices(JdbcClient jdbc, JsonMapper json, PersonStore people, Preferences preferences, TemplateStore templates,
			TemplateRenderer renderer, LiveSignals signals, Channels deliveryChannels) {
		this.jdbc = jdbc;
		this.json = json;
		this.people = people;
		this.preferences = preferences;
		this.templates = templates;
		this.renderer = renderer;
		this.signals = signals;
		this.deliveryChannels = deliveryChannels;
	}

	/**
	 * Notifies {@code sub} of one event. A new notice is rendered here and written with the others of the
	 * transaction just before it commits ({@link #write}); an event joining an open consolidated notice is
	 * written at once, after the transaction's pending notices (the one it joins may be among them).
	 */
	public void notify(String sub, String type, EventRule rule, String eventId, JsonNode data) {
		Person person = people.findRecent(sub);
		Set<Channel> channels = preferences.channels(person, rule.category(), rule.required());
		if (channels.isEmpty()) {
			log.debug("{} opted out of {}; no notice for {}", sub, rule.category(), eventId);
			return;
		}
		Template template = template(rule);
		String dataText = json.writeValueAsString(data);
		Duration window = rule.consolidationWindow() == null ? Duration.ZERO : rule.consolidationWindow();
		String key = rule.consolidationKey() == null || window.isZero() ? null
				: type.substring(0, type.lastIndexOf('.')) + ":" + renderer.fill(rule.consolidationKey(), data, Locale.ENGLISH, Map.of());
		if (key != null) {
			pending.flush();
			if (known(eventId, sub)) {
				return;
			}
			if (consolidate(sub, key, type, eventId, dataText, template)) {
				return;
			}
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		Rendered en = renderer.render(template, List.of(data), Locale.ENGLISH);
		Rendered ar = renderer.render(template, List.of(data), ARABIC);
		Instant due = now.plus(window);
		Instant quiet = preferences.quietUntil(person, now);
		if (quiet != null && quiet.isAfter(due)) {
			due = quiet;
		}
		List<Queued> deliveries = new ArrayList<>();
		for (Channel channel : channels) {
			if (channel != Channel.INBOX) {
				// a channel not configured here is recorded as such at once, without a trip through the job
				boolean configured = deliveryChannels.configured(channel);
				deliveries.add(new Queued(channel.name(), configured ? "PENDING" : "NOT_CONFIGURED",
						configured ? due : null));
			}
		}
		pending.add(new Pending(id, eventId, sub, dataText, rule.category(), type, template, en, ar, link(rule, data),
				rule.required(), channels.contains(Channel.INBOX), key, now.plus(window), now, deliveries));
	}

	/** A notice to write before the transaction commits, with its deliveries. */
	private record Pending(UUID id, String eventId, String sub, String data, String category, String type,
			Template template, Rendered en, Rendered ar, @Nullable String link, boolean required, boolean inInbox,
			@Nullable String key, Instant windowEndsAt, Instant createdAt, List<Queued> deliveries) {
	}

	private record Queued(String channel, String status, @Nullable Instant due) {
	}

	/**
	 * Writes the notices of a transaction in one statement: each claims its (event, person) in
	 * {@code notice_event} (a replayed event claims nothing and gets no notice), then the claimed notices and
	 * their deliveries are inserted; the new ones in the inbox are announced to the live streams of every
	 * instance when the transaction commits.
	 */
	private void write(List<Pending> notices) {
		List<Queued> queued = notices.stream().flatMap(notice -> notice.deliveries().stream()).toList();
		Set<UUID> created = new HashSet<>(jdbc.sql("""
				with input as (
				  select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[])
				  as input (id, event_id, recipient, data, category, event_type, template_code, template_version,
				    subject_en, body_en, subject_ar, body_ar, link, required, in_inbox, consolidation_key,
				    window_ends_at, created_at)),
				claimed as (
				  insert into notice_event (event_id, recipient, notice_id, data)
				  select event_id, recipient, id::uuid, data::jsonb from input
				  on conflict (event_id, recipient) do nothing
				  returning notice_id),
				created as (
				  insert into notice (id, recipient, category, event_type, template_code, template_version,
				    subject_en, body_en, subject_ar, body_ar, link, required, in_inbox, consolidation_key,
				    window_ends_at, created_at, updated_at)
				  select claimed.notice_id, recipient, category, event_type, template_code, template_version::int,
				    subject_en, body_en, subject_ar, body_ar, link, required::boolean, in_inbox::boolean,
				    consolidation_key, window_ends_at::timestamptz, created_at::timestamptz, created_at::timestamptz
				  from input join claimed on claimed.notice_id = input.id::uuid
				  returning id),
				queued as (
				  insert into delivery (notice_id, recipient, channel, status, next_attempt_at)
				  select created.id, queue.recipient, queue.channel, queue.status, queue.due::timestamptz
				  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    as queue (notice_id, recipient, channel, status, due)
				  join created on created.id = queue.notice_id::uuid
				  returning 1)
				select id from created""")
			.params(column(notices, notice -> notice.id().toString()), column(notices, Pending::eventId),
					column(notices, Pending::sub), column(notices, Pending::data), column(notices, Pending::category),
					column(notices, Pending::type), column(notices, notice -> notice.template().code()),
					column(notices, notice -> String.valueOf(notice.template().version())),
					column(notices, notice -> notice.en().subject()), column(notices, notice -> notice.en().body()),
					column(notices, notice -> notice.ar().subject()), column(notices, notice -> notice.ar().body()),
					column(notices, Pending::link), column(notices, notice -> String.valueOf(notice.required())),
					column(notices, notice -> String.valueOf(notice.inInbox())), column(notices, Pending::key),
					column(notices, notice -> notice.windowEndsAt().toString()),
					column(notices, notice -> notice.createdAt().toString()),
					deliveryColumn(notices, (notice, delivery) -> notice.id().toString()),
					deliveryColumn(notices, (notice, delivery) -> notice.sub()),
					deliveryColumn(notices, (notice, delivery) -> delivery.channel()),
					deliveryColumn(notices, (notice, delivery) -> delivery.status()),
					deliveryColumn(notices, (notice, delivery) -> delivery.due() == null ? null : delivery.due().toString()))
			.query((row, index) -> row.getObject("id", UUID.class))
			.list());
		log.debug("{} notices written, {} deliveries queued", created.size(), queued.size());
		List<LiveSignals.Signal> live = new ArrayList<>();
		for (Pending notice : notices) {
			if (!created.contains(notice.id())) {
				log.info("Event {} already noticed to {}; duplicate ignored", notice.eventId(), notice.sub());
			}
			else if (notice.inInbox()) {
				live.add(LiveSignals.Signal.notice(notice.id(), notice.sub()));
			}
		}
		signals.send(live);
	}

	private static String[] column(List<Pending> notices, Function<Pending, @Nullable String> value) {
		return notices.stream().map(value).toArray(String[]::new);
	}

	private static String[] deliveryColumn(List<Pending> notices, BiFunction<Pending, Queued, @Nullable String> value) {
		return notices.stream()
			.flatMap(notice -> notice.deliveries().stream().map(delivery -> value.apply(notice, delivery)))
			.toArray(String[]::new);
	}

	private boolean known(String eventId, String sub) {
		boolean known = jdbc.sql("select count(*) from notice_event where event_id = ? and recipient = ?")
			.params(eventId, sub).query(Long.class).single() > 0;
		if (known) {
			log.info("Event {} already noticed to {}; duplicate ignored", eventId, sub);
		}
		return known;
	}

	/** Adds the event to the open notice with this key, if there is one. */
	private boolean consolidate(String sub, String key, String type, String eventId, String dataText, Template template) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(? || '|' || ?))").params(sub, key).query().singleRow();
		record Open(UUID id, boolean inInbox) {
		}
		Optional<Open> open = jdbc.sql("""
				select id, in_inbox from notice
				where recipient = ? and consolidation_key = ? and window_ends_at > now()
				order by created_at desc limit 1 for update""")
			.params(sub, key)
			.query((row, index) -> new Open(row.getObject("id", UUID.class), row.getBoolean("in_inbox")))
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
			signals.send(List.of(LiveSignals.Signal.notice(id, sub)));
		}
		return true;
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
			signals.send(List.of(LiveSignals.Signal.broadcast(id, audienceRole, rule.category())));
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
