package org.bawaba.notifications.person;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bawaba.notifications.Channel;
import org.bawaba.notifications.NotificationsProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** The rules that turn a person's preferences into channels and send times. */
@Component
public class Preferences {

	private final NotificationsProperties properties;

	Preferences(NotificationsProperties properties) {
		this.properties = properties;
	}

	/** The categories people choose channels for. */
	public java.util.Collection<String> categories() {
		return new java.util.TreeSet<>(properties.categories().keySet());
	}

	public boolean knows(String category) {
		return properties.categories().containsKey(category);
	}

	public List<Channel> defaults(String category) {
		NotificationsProperties.Category known = properties.categories().get(category);
		return known == null ? List.of(Channel.INBOX) : known.channels();
	}

	/**
	 * The channels of a notice: the person's choice for the category, else the category's defaults. A
	 * person who opted out, or chose no channel, gets nothing, except legally required notices, which
	 * always reach the inbox and their chosen channels (the defaults when they chose none or opted out).
	 */
	public Set<Channel> channels(Person person, String category, boolean required) {
		List<Channel> chosen = person.categories().getOrDefault(category, defaults(category));
		Set<Channel> channels = new LinkedHashSet<>();
		if (!required) {
			if (!person.optedOut()) {
				channels.addAll(chosen);
			}
			return channels;
		}
		channels.add(Channel.INBOX);
		channels.addAll(person.optedOut() || chosen.isEmpty() ? defaults(category) : chosen);
		return channels;
	}

	/** Whether a person sees a category in the inbox (broadcasts are filtered by this on read). */
	public boolean showsInInbox(Person person, String category) {
		return channels(person, category, false).contains(Channel.INBOX);
	}

	/** When the person's quiet hours end, if {@code now} falls in them; {@code null} otherwise. */
	public @Nullable Instant quietUntil(Person person, Instant now) {
		if (person.quietStart() == null || person.quietEnd() == null || person.timeZone() == null) {
			return null;
		}
		ZonedDateTime local = now.atZone(ZoneId.of(person.timeZone()));
		LocalTime time = local.toLocalTime();
		LocalTime start = person.quietStart();
		LocalTime end = person.quietEnd();
		boolean quiet = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
				: !time.isBefore(start) || time.isBefore(end);
		if (!quiet) {
			return null;
		}
		ZonedDateTime until = local.with(end).withSecond(0).withNano(0);
		if (!until.isAfter(local)) {
			until = until.plusDays(1);
		}
		return until.toInstant();
	}

}
