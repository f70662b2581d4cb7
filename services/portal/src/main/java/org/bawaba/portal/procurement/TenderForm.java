package org.bawaba.portal.procurement;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new-tender form of agency staff, turned into the procurement service's tender request. The
 * deadlines are typed as local date and time ({@code datetime-local}) in the country's time zone and
 * sent as instants; a value that is not a number or a time is sent as missing, so the service names
 * the field. The service checks everything else.
 */
final class TenderForm {

	static final List<String> DEADLINES = List.of("clarificationDeadline", "submissionDeadline", "openingTime");

	private TenderForm() {
	}

	static Map<String, Object> request(Map<String, String> form, ZoneId zone) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", Forms.bilingual(form, "title"));
		body.put("description", Forms.bilingual(form, "description"));
		body.put("category", Forms.value(form, "category"));
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("amount", Forms.amount(Forms.value(form, "estimatedValue.amount")));
		value.put("currency", Forms.value(form, "estimatedValue.currency").isEmpty() ? "QAR"
				: Forms.value(form, "estimatedValue.currency"));
		body.put("estimatedValue", value);
		String documentUrl = Forms.value(form, "document.url");
		if (!documentUrl.isEmpty()) {
			body.put("documents", List.of(Map.of("title", Forms.bilingual(form, "document.title"), "url", documentUrl)));
		}
		for (String deadline : DEADLINES) {
			body.put(deadline, instant(Forms.value(form, deadline), zone));
		}
		return body;
	}

	/** {@code 2026-12-01T10:00} in {@code zone}, as an ISO instant; null when it is not such a value. */
	static String instant(String local, ZoneId zone) {
		try {
			return LocalDateTime.parse(local).atZone(zone).toInstant().toString();
		}
		catch (DateTimeException notATime) {
			return null;
		}
	}

}
