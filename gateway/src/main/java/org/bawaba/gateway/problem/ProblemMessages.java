package org.bawaba.gateway.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatusCode;

/**
 * Problems in the caller's language: Arabic or English, chosen by {@code Accept-Language}
 * (English when it names neither, is missing or cannot be parsed, as in the services). Titles and
 * details are the {@code messages*.properties} beside this class, worded as the services' problems
 * are ({@code org.bawaba.platform.problem}).
 */
public final class ProblemMessages {

	/** Prefix of every problem {@code type}. */
	public static final String TYPE_BASE = "https://bawaba.org/problems/";

	private static final List<String> LANGUAGES = List.of("ar", "en");

	private static final Locale DEFAULT = Locale.ENGLISH;

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	public ProblemMessages() {
		this.messages.setBasename("org/bawaba/gateway/problem/messages");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
	}

	/** The problem of {@code type} with this status (the type's own when {@code null}), in {@code locale}. */
	public Problem problem(ProblemType type, HttpStatusCode status, Locale locale, String instance, Object... args) {
		int code = (status != null) ? status.value() : type.status().value();
		return new Problem(URI.create(TYPE_BASE + type.slug()),
				this.messages.getMessage(type.titleKey(), null, locale),
				code, this.messages.getMessage(type.detailKey(), args, locale), instance);
	}

	/**
	 * The language to answer in, from an {@code Accept-Language} value: the caller's preferred of
	 * Arabic and English (by weight), else English.
	 */
	public static Locale locale(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
			return DEFAULT;
		}
		try {
			String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
			return (tag != null) ? Locale.forLanguageTag(tag) : DEFAULT;
		}
		catch (IllegalArgumentException malformed) {
			return DEFAULT;
		}
	}

}
