package org.bawaba.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class MessageTest {

	private static final String PORTAL = "http://localhost:8080";

	@Test
	void aLinkOpensThePortalPageInTheReadersLanguage() {
		assertThat(message("/applications/42", Locale.ENGLISH).href(PORTAL)).isEqualTo(PORTAL + "/en/applications/42");
		assertThat(message("/applications/42", Locale.forLanguageTag("ar")).href(PORTAL))
			.isEqualTo(PORTAL + "/ar/applications/42");
		assertThat(message("/me#change-7", Locale.forLanguageTag("ar")).href(PORTAL)).isEqualTo(PORTAL + "/ar/me#change-7");
	}

	@Test
	void aLinkThatNamesItsLanguageOrItsSiteIsKept() {
		assertThat(message("/ar/inbox", Locale.ENGLISH).href(PORTAL)).isEqualTo(PORTAL + "/ar/inbox");
		assertThat(message("https://agency.example.org/x", Locale.ENGLISH).href(PORTAL))
			.isEqualTo("https://agency.example.org/x");
		// a page that merely starts with the letters of a language is not taken for one
		assertThat(message("/archive", Locale.ENGLISH).href(PORTAL)).isEqualTo(PORTAL + "/en/archive");
		assertThat(message(null, Locale.ENGLISH).href(PORTAL)).isNull();
	}

	private static Message message(String link, Locale locale) {
		return new Message(1, "Subject", "Body", link, locale);
	}

}
