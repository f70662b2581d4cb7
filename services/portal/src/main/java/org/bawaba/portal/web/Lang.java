package org.bawaba.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The portal's two languages. Every page lives under its language ({@code /ar/...}, {@code /en/...}),
 * so a link, a bookmark or a shared address keeps its language, and switching language keeps the page.
 */
public enum Lang {

	EN(Locale.ENGLISH, "ltr"), AR(Locale.forLanguageTag("ar"), "rtl");

	private final Locale locale;

	private final String dir;

	Lang(Locale locale, String dir) {
		this.locale = locale;
		this.dir = dir;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public Locale locale() {
		return locale;
	}

	/** {@code rtl} for Arabic, {@code ltr} for English. */
	public String dir() {
		return dir;
	}

	public Lang other() {
		return this == AR ? EN : AR;
	}

	/** The language a path starts with, if any. */
	public static @Nullable Lang ofPath(String path) {
		for (Lang lang : values()) {
			String prefix = "/" + lang.code();
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return lang;
			}
		}
		return null;
	}

	/** The portal's language of {@code locale}: Arabic for Arabic, else English. */
	public static Lang of(java.util.Locale locale) {
		return "ar".equals(locale.getLanguage()) ? AR : EN;
	}

	/** The language of the page requested, else the browser's preference, else Arabic. */
	public static Lang of(HttpServletRequest request) {
		Object original = request.getAttribute("jakarta.servlet.error.request_uri");
		Lang fromPath = ofPath(original instanceof String uri ? uri : request.getRequestURI());
		return fromPath != null ? fromPath : preferred(request.getHeader("Accept-Language"));
	}

	/** The first of Arabic or English in an {@code Accept-Language} header; Arabic when neither. */
	public static Lang preferred(@Nullable String acceptLanguage) {
		if (acceptLanguage != null && !acceptLanguage.isBlank()) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
					String language = range.getRange().split("-")[0];
					if (language.equals("ar")) {
						return AR;
					}
					if (language.equals("en")) {
						return EN;
					}
				}
			}
			catch (IllegalArgumentException malformed) {
				// fall through to the default
			}
		}
		return AR;
	}

	/** The same page in the other language: the path's language segment swapped, the query kept. */
	public static String switched(String path, @Nullable String query) {
		Lang current = ofPath(path);
		String rest = current == null ? (path.startsWith("/") ? path : "/" + path)
				: path.substring(current.code().length() + 1);
		Lang target = current == null ? AR : current.other();
		String switchedPath = "/" + target.code() + (rest.isEmpty() ? "/" : rest);
		return query == null || query.isBlank() ? switchedPath : switchedPath + "?" + query;
	}

}
