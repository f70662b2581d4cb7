package org.bawaba.notifications.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bawaba.notifications.NotificationsProperties;
import org.bawaba.notifications.person.Person;
import org.bawaba.notifications.person.PersonStore;
import org.bawaba.notifications.person.Preferences;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in person's inbox: only ever their own notices (and broadcasts to their roles). Another
 * person's notice is answered exactly like a notice that does not exist (404).
 * <p>
 * Notices are shown in the language the reader is reading in: {@code ?lang=ar|en} (for the live
 * stream, which a browser opens without headers of its own), else the first of Arabic or English in
 * {@code Accept-Language} (the portal sends its page's language), else the person's chosen language
 * (also that of e-mails and SMS), else the token's {@code locale}, else the default.
 */
@RestController
@RequestMapping("/me")
class InboxController {

	private final InboxStore inbox;

	private final PersonStore people;

	private final Preferences preferences;

	private final LiveStream live;

	private final String defaultLocale;

	/** The languages notices are written in. */
	private static final List<String> SHOWN = List.of("ar", "en");

	InboxController(InboxStore inbox, PersonStore people, Preferences preferences, LiveStream live,
			NotificationsProperties properties) {
		this.inbox = inbox;
		this.people = people;
		this.preferences = preferences;
		this.live = live;
		this.defaultLocale = properties.defaultLocale();
	}

	record Page(List<NoticeView> items, int page, int size, long unread) {
	}

	@GetMapping("/notices")
	Page list(Caller caller, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @Nullable String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
		InboxStore.Reader reader = reader(caller, asked(lang, acceptLanguage));
		return new Page(inbox.list(reader, unread, page, size), page, size, inbox.unread(reader));
	}

	@GetMapping("/notices/unread-count")
	Map<String, Long> unreadCount(Caller caller) {
		return Map.of("unread", inbox.unread(reader(caller)));
	}

	@GetMapping("/notices/{id}")
	NoticeView get(@PathVariable UUID id, Caller caller, @RequestParam(required = false) @Nullable String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
		return inbox.find(reader(caller, asked(lang, acceptLanguage)), id).orElseThrow(() -> notFound(id));
	}

	@PostMapping("/notices/{id}/read")
	ResponseEntity<Void> read(@PathVariable UUID id, Caller caller) {
		if (!inbox.markRead(reader(caller), id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/notices/read-all")
	Map<String, Integer> readAll(Caller caller) {
		return Map.of("marked", inbox.markAllRead(reader(caller)));
	}

	@DeleteMapping("/notices/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
		if (!inbox.delete(reader(caller), id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	/** Live notices as Server-Sent Events ({@code unread} first, then {@code notice} events). */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Caller caller, @RequestParam(required = false) @Nullable String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
		return live.open(reader(caller, asked(lang, acceptLanguage)));
	}

	private InboxStore.Reader reader(Caller caller) {
		return reader(caller, null);
	}

	/** {@code lang} when it is Arabic or English, else the first of them in {@code Accept-Language}. */
	static @Nullable String asked(@Nullable String lang, @Nullable String acceptLanguage) {
		if (lang != null && SHOWN.contains(lang)) {
			return lang;
		}
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return null;
		}
		try {
			return Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SHOWN);
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}

	private InboxStore.Reader reader(Caller caller, @Nullable String asked) {
		String tokenLocale = caller.locale() == null ? null : caller.locale().getLanguage();
		people.rememberTokenLocale(caller.subject(), tokenLocale);
		Person person = people.find(caller.subject());
		List<String> hidden = preferences.categories().stream()
			.filter(category -> !preferences.showsInInbox(person, category))
			.toList();
		String language = asked != null ? asked : person.locale() != null ? person.locale()
				: tokenLocale != null && SHOWN.contains(tokenLocale) ? tokenLocale : defaultLocale;
		return new InboxStore.Reader(caller.subject(), caller.roles(), hidden, Locale.forLanguageTag(language));
	}

	private static ProblemException notFound(UUID id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "notice-not-found", id);
	}

}
