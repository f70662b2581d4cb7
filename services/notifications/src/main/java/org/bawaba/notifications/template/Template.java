package org.bawaba.notifications.template;

import java.time.Instant;
import java.util.Locale;

/**
 * One version of a bilingual template.
 *
 * @param code the template code named by the event table
 * @param version 1, 2, ... (the highest is current)
 * @param en the English texts
 * @param ar the Arabic texts
 * @param createdBy who wrote this version
 * @param createdAt when
 */
public record Template(String code, int version, Texts en, Texts ar, String createdBy, Instant createdAt) {

	public Texts in(Locale locale) {
		return "ar".equals(locale.getLanguage()) ? ar : en;
	}

}
