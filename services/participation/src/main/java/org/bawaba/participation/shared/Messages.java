package org.bawaba.participation.shared;

import java.util.List;
import java.util.Locale;

import org.bawaba.participation.shared.InvalidInputException.FieldMessage;

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
		String english = messages.getMessage(code, args, Locale.ENGLISH);
		String arabic = messages.getMessage(code, args, ARABIC);
		boolean arabicCaller = "ar".equals(LocaleContextHolder.getLocale().getLanguage());
		return new FieldMessage(field, arabicCaller ? arabic : english,
				new InvalidInputException.Messages(english, arabic));
	}

	/** Throws a 400 {@code validation-failed} for one field. */
	public InvalidInputException invalid(String field, String code, Object... args) {
		return new InvalidInputException(List.of(field(field, code, args)));
	}

}
