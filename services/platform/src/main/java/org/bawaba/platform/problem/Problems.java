package org.bawaba.platform.problem;

import java.net.URI;
import java.util.Locale;

import org.bawaba.platform.web.CorrelationId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with a stable {@code type}, a localized {@code title}/{@code detail}
 * and the correlation id. Messages come from the service's {@link MessageSource} when it has the key,
 * otherwise from the platform's bundle {@code org/bawaba/platform/problem/messages*.properties}.
 */
public class Problems {

	/** Prefix of every problem {@code type}. */
	public static final String TYPE_BASE = "https://bawaba.org/problems/";

	private final @Nullable MessageSource applicationMessages;

	private final ResourceBundleMessageSource platformMessages;

	public Problems(@Nullable MessageSource applicationMessages) {
		this.applicationMessages = applicationMessages;
		this.platformMessages = new ResourceBundleMessageSource();
		this.platformMessages.setBasename("org/bawaba/platform/problem/messages");
		this.platformMessages.setDefaultEncoding("UTF-8");
		this.platformMessages.setFallbackToSystemLocale(false);
	}

	/** A problem whose detail is the message {@code problem.<slug>.detail} formatted with {@code args}. */
	public ProblemDetail create(HttpStatusCode status, String slug, Locale locale, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setTitle(message("problem." + slug + ".title", args, locale, defaultTitle(status)));
		problem.setDetail(message("problem." + slug + ".detail", args, locale, null));
		CorrelationId.current().ifPresent(id -> problem.setProperty("correlationId", id));
		return problem;
	}

	/** Looks a message up in the service's messages, then the platform's. */
	public @Nullable String message(String code, Object @Nullable [] args, Locale locale,
			@Nullable String defaultMessage) {
		if (applicationMessages != null) {
			try {
				return applicationMessages.getMessage(code, args, locale);
			}
			catch (NoSuchMessageException ex) {
				// not the service's own message: fall back to the platform's
			}
		}
		return platformMessages.getMessage(code, args, defaultMessage, locale);
	}

	private String defaultTitle(HttpStatusCode status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
		return known != null ? known.getReasonPhrase() : "Error";
	}

}
