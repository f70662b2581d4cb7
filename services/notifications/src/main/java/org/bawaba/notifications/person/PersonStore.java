package org.bawaba.notifications.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bawaba.notifications.Channel;
import org.bawaba.notifications.support.AfterCommit;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's profiles and preferences. The intake reads them through a short-lived cache (events for one
 * person come in bursts, by the thousand per second); a change made here is seen by this instance at
 * once, by others within {@link #RECENT}.
 */
@Repository
public class PersonStore {

	static final Duration RECENT = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final Cache<String, Person> recent = Caffeine.newBuilder()
		.expireAfterWrite(RECENT)
		.maximumSize(20_000)
		.build();

	PersonStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@link #find}, possibly as it was up to {@link #RECENT} ago (changes made on this instance at once). */
	public Person findRecent(String sub) {
		return recent.get(sub, this::find);
	}

	/** Drops the cached person now and once the change committed (a read in between may cache the old row). */
	private void forget(String sub) {
		recent.invalidate(sub);
		AfterCommit.run(() -> recent.invalidate(sub));
	}

	/** The person, or {@link Person#unknown} when they never told us anything. */
	public Person find(String sub) {
		return jdbc.sql("""
				select p.*, array(select c.category || '=' || array_to_string(c.channels, ',')
				  from category_preference c where c.sub = p.sub) as preferences
				from person p where p.sub = ?""")
			.param(sub)
			.query(PersonStore::map)
			.optional()
			.orElse(Person.unknown(sub));
	}

	/** Remembers the locale claim of a token, writing only when it changed. */
	public void rememberTokenLocale(String sub, @Nullable String locale) {
		if (locale == null) {
			return;
		}
		int changed = jdbc.sql("""
				insert into person (sub, token_locale) values (?, ?)
				on conflict (sub) do update set token_locale = excluded.token_locale, updated_at = now()
				where person.token_locale is distinct from excluded.token_locale""")
			.params(sub, locale)
			.update();
		if (changed > 0) {
			forget(sub);
		}
	}

	@Transactional
	public void saveContact(String sub, @Nullable String email, @Nullable String phone, @Nullable String locale) {
		forget(sub);
		jdbc.sql("""
				insert into person (sub, email, phone, locale) values (?, ?, ?, ?)
				on conflict (sub) do update set email = excluded.email, phone = excluded.phone,
				  locale = excluded.locale, updated_at = now()""")
			.params(sub, email, phone, locale)
			.update();
	}

	@Transactional
	public void savePreferences(String sub, Map<String, List<Channel>> categories, boolean optedOut,
			@Nullable LocalTime quietStart, @Nullable LocalTime quietEnd, @Nullable String timeZone) {
		forget(sub);
		jdbc.sql("""
				insert into person (sub, opted_out, quiet_start, quiet_end, time_zone) values (?, ?, ?, ?, ?)
				on conflict (sub) do update set opted_out = excluded.opted_out, quiet_start = excluded.quiet_start,
				  quiet_end = excluded.quiet_end, time_zone = excluded.time_zone, updated_at = now()""")
			.params(sub, optedOut, quietStart, quietEnd, timeZone)
			.update();
		jdbc.sql("delete from category_preference where sub = ?").param(sub).update();
		categories.forEach((category, channels) -> jdbc
			.sql("insert into category_preference (sub, category, channels) values (?, ?, ?::text[])")
			.params(sub, category, "{" + String.join(",", channels.stream().map(Channel::name).toList()) + "}")
			.update());
	}

	private static Person map(ResultSet row, int index) throws SQLException {
		Map<String, List<Channel>> categories = new HashMap<>();
		for (String preference : (String[]) row.getArray("preferences").getArray()) {
			int equals = preference.indexOf('=');
			String channels = preference.substring(equals + 1);
			categories.put(preference.substring(0, equals), channels.isEmpty() ? List.of()
					: Stream.of(channels.split(",")).map(Channel::valueOf).toList());
		}
		return new Person(row.getString("sub"), row.getString("email"), row.getString("phone"), row.getString("locale"),
				row.getString("token_locale"), row.getBoolean("opted_out"), time(row.getTime("quiet_start")),
				time(row.getTime("quiet_end")), row.getString("time_zone"), Map.copyOf(categories));
	}

	private static @Nullable LocalTime time(@Nullable Time time) {
		return time == null ? null : time.toLocalTime();
	}

}
