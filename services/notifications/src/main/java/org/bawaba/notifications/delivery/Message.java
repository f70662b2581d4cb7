package org.bawaba.notifications.delivery;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A notice's texts in the recipient's language, ready for a channel. */
record Message(long deliveryId, String subject, String body, @Nullable String link, Locale locale) {

	boolean arabic() {
		return "ar".equals(locale.getLanguage());
	}

}
