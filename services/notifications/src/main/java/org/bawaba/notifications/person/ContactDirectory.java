package org.bawaba.notifications.person;

import java.util.Locale;
import java.util.Optional;

import org.bawaba.notifications.NotificationsProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Where and in which language to reach a person. Never from events: the profile the person controls
 * here first, then their Keycloak user record; the language also from the locale claim of their last
 * token seen by the inbox, then {@code notifications.default-locale}.
 */
@Component
public class ContactDirectory {

	/** A value and where it came from: {@code profile}, {@code keycloak}, {@code token} or {@code default}. */
	public record Sourced(@Nullable String value, @Nullable String source) {
	}

	/** How to reach a person. */
	public record Contact(Sourced email, Sourced phone, Sourced locale) {

		public Locale language() {
			return Locale.forLanguageTag(locale.value());
		}

	}

	private final PersonStore people;

	private final KeycloakUsers keycloak;

	private final String defaultLocale;

	ContactDirectory(PersonStore people, KeycloakUsers keycloak, NotificationsProperties properties) {
		this.people = people;
		this.keycloak = keycloak;
		this.defaultLocale = properties.defaultLocale();
	}

	public Contact resolve(String sub) {
		return resolve(people.find(sub));
	}

	public Contact resolve(Person person) {
		Optional<KeycloakUsers.KeycloakUser> record = Optional.empty();
		if (person.email() == null || person.phone() == null || person.locale() == null) {
			record = keycloak.find(person.sub());
		}
		Sourced email = pick(person.email(), record.map(KeycloakUsers.KeycloakUser::email).orElse(null));
		Sourced phone = pick(person.phone(), record.map(KeycloakUsers.KeycloakUser::phone).orElse(null));
		Sourced locale = pick(person.locale(), record.map(KeycloakUsers.KeycloakUser::locale).orElse(null));
		if (locale.value() != null) {
			locale = new Sourced(Locale.forLanguageTag(locale.value()).getLanguage(), locale.source());
		}
		if (locale.value() == null || !(locale.value().equals("en") || locale.value().equals("ar"))) {
			locale = person.tokenLocale() != null && person.tokenLocale().matches("en|ar")
					? new Sourced(person.tokenLocale(), "token") : new Sourced(defaultLocale, "default");
		}
		return new Contact(email, phone, locale);
	}

	private static Sourced pick(@Nullable String profile, @Nullable String keycloak) {
		if (profile != null && !profile.isBlank()) {
			return new Sourced(profile, "profile");
		}
		if (keycloak != null && !keycloak.isBlank()) {
			return new Sourced(keycloak, "keycloak");
		}
		return new Sourced(null, null);
	}

}
