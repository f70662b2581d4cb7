package org.bawaba.portal.procurement;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading the procurement pages' form fields. */
final class Forms {

	private Forms() {
	}

	static String value(Map<String, String> form, String field) {
		String value = form.get(field);
		return value == null ? "" : value.strip();
	}

	/** A bilingual text typed in two fields, {@code <field>.en} and {@code <field>.ar}. */
	static Map<String, String> bilingual(Map<String, String> form, String field) {
		Map<String, String> text = new LinkedHashMap<>();
		text.put("en", value(form, field + ".en"));
		text.put("ar", value(form, field + ".ar"));
		return text;
	}

	/**
	 * An amount typed by a person: Latin or Arabic-Indic digits, an optional Latin or Arabic decimal
	 * separator, thousands separators ignored; null when it is not a number.
	 */
	static BigDecimal amount(String typed) {
		StringBuilder normal = new StringBuilder();
		for (char c : typed.strip().toCharArray()) {
			if (c >= '\u0660' && c <= '\u0669') {
				normal.append((char) ('0' + (c - '\u0660')));
			}
			else if (c == '\u066B') {
				normal.append('.');
			}
			else if (c != ',' && c != '\u066C' && c != ' ') {
				normal.append(c);
			}
		}
		try {
			return normal.isEmpty() ? null : new BigDecimal(normal.toString());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

}
