package org.bawaba.notifications.delivery;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A notice's texts in the recipient's language, ready for a channel. */
record Message(long deliveryId, String subject, String body, @Nullable String link, Locale locale) {

	boolean arabic() {
		return "ar".equals(locale.getLanguage());
	}

	/**
	 * The link's address on the portal at {@code portalUrl}, in the message's language: the table's links
	 * are portal pages without a language ({@code /applications/…}), which the reader's is put in front of.
	 */
	@Nullable String href(String portalUrl) {
		if (link == null) {
			return null;
		}
		if (link.startsWith("http://") || link.startsWith("https://")) {
			return link;
		}
		boolean hasLanguage = link.matches("/(ar|en)(/.*)?");
		return portalUrl + (hasLanguage ? "" : "/" + (arabic() ? "ar" : "en")) + link;
	}

}
