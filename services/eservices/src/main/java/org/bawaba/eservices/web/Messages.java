package org.bawaba.eservices.web;

import java.util.Locale;

import org.bawaba.eservices.web.InvalidInputException.FieldMessage;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The service's own messages ({@code messages*.properties}) in English and Arabic. */
@Component
public class Messages {

	public static final Locale ARABIC = Locale.forLanguageTag("ar");

	private final MessageSource messages;

	Messages(MessageSource messages) {
		this.messages = messages;
	}

	/** A field error whose message is {@code code} in the caller's language and in both languages. */
	public FieldMessage field(String field, String code, Object... args) {
		return field(field, messages.getMessage(code, args, Locale.ENGLISH),
				messages.getMessage(code, args, ARABIC));
	}

	/** A field error whose message is {@code code}, with arguments of its own in each language. */
	public FieldMessage field(String field, String code, Object[] englishArgs, Object[] arabicArgs) {
		return field(field, messages.getMessage(code, englishArgs, Locale.ENGLISH),
				messages.getMessage(code, arabicArgs, ARABIC));
	}

	/** A field error from messages already in both languages. */
	public static FieldMessage field(String field, String english, String arabic) {
		boolean arabicCaller = "ar".equals(LocaleContextHolder.getLocale().getLanguage());
		return new FieldMessage(field, arabicCaller ? arabic : english,
				new InvalidInputException.Messages(english, arabic));
	}

}
