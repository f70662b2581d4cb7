package org.bawaba.notifications.person;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.bawaba.notifications.Channel;
import org.jspecify.annotations.Nullable;

/**
 * What a person told this service: contact details, language, preferences; and the locale claim of
 * their last token seen here.
 */
public record Person(String sub, @Nullable String email, @Nullable String phone, @Nullable String locale,
		@Nullable String tokenLocale, boolean optedOut, @Nullable LocalTime quietStart, @Nullable LocalTime quietEnd,
		@Nullable String timeZone, Map<String, List<Channel>> categories) {

	public static Person unknown(String sub) {
		return new Person(sub, null, null, null, null, false, null, null, null, Map.of());
	}

}
