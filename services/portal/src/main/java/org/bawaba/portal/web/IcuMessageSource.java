package org.bawaba.portal.web;

import java.util.Locale;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The portal's messages, formatted by ICU's {@code MessageFormat}: a count is written with the plural
 * form its language needs ({@code {0, plural, one {# service} other {# services}}}; Arabic has six:
 * zero, one, two, few, many, other), which Java's own {@code MessageFormat} cannot do. Numbers keep
 * Latin digits in Arabic, as the rest of the portal writes them.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

	@Override
	protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args, @Nullable Locale locale) {
		if (code == null || args == null || args.length == 0) {
			return super.getMessageInternal(code, args, locale);
		}
		Locale language = locale != null ? locale : Locale.ENGLISH;
		String pattern = resolveCodeWithoutArguments(code, language);
		if (pattern == null) {
			return super.getMessageInternal(code, args, locale);
		}
		return new MessageFormat(pattern, uLocale(language)).format(resolveArguments(args, language));
	}

	static ULocale uLocale(Locale locale) {
		return "ar".equals(locale.getLanguage()) ? ULocale.forLanguageTag("ar-u-nu-latn") : ULocale.forLocale(locale);
	}

}
