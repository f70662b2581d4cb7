package org.bawaba.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times of the services' answers (ISO 8601 text), as pages show them: in the country's
 * time zone and the page's language. Templates use it as {@code ${@dates.day(x)}} and
 * {@code ${@dates.time(x)}}.
 */
@Component("dates")
public class Dates {

	private final ZoneId zone;

	Dates(@Value("${portal.zone:Asia/Qatar}") ZoneId zone) {
		this.zone = zone;
	}

	public String day(@Nullable Object iso) {
		return format(iso, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
	}

	public String time(@Nullable Object iso) {
		return format(iso, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
	}

	private String format(@Nullable Object iso, DateTimeFormatter style) {
		if (iso == null) {
			return "";
		}
		String text = String.valueOf(iso);
		DateTimeFormatter formatter = style.withLocale(LocaleContextHolder.getLocale()).withZone(zone);
		try {
			return formatter.format(Instant.parse(text));
		}
		catch (DateTimeParseException notAnInstant) {
			try {
				return formatter.format(LocalDate.parse(text));
			}
			catch (java.time.DateTimeException notADate) {
				return text;
			}
		}
	}

}
