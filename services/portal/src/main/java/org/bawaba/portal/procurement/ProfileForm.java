package org.bawaba.portal.procurement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The supplier profile form: the fields as the page shows them ({@code name.en}, {@code sells},
 * {@code contact.email}, ...) to and from the procurement service's profile request.
 */
final class ProfileForm {

	private ProfileForm() {
	}

	static Map<String, Object> request(MultiValueMap<String, String> form) {
		Map<String, String> single = form.toSingleValueMap();
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("email", Forms.value(single, "contact.email"));
		contact.put("phone", blankAsNull(Forms.value(single, "contact.phone")));
		contact.put("person", blankAsNull(Forms.value(single, "contact.person")));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("registrationNumber", Forms.value(single, "registrationNumber"));
		body.put("name", Forms.bilingual(single, "name"));
		body.put("sells", form.getOrDefault("sells", List.of()));
		body.put("contact", contact);
		return body;
	}

	/** A saved profile as the form's values. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> values(Map<String, Object> profile) {
		Map<String, Object> name = (Map<String, Object>) profile.getOrDefault("name", Map.of());
		Map<String, Object> contact = (Map<String, Object>) profile.getOrDefault("contact", Map.of());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("registrationNumber", profile.get("registrationNumber"));
		values.put("name.en", name.get("en"));
		values.put("name.ar", name.get("ar"));
		values.put("sells", profile.getOrDefault("sells", List.of()));
		values.put("contact.email", contact.get("email"));
		values.put("contact.phone", contact.get("phone"));
		values.put("contact.person", contact.get("person"));
		return values;
	}

	/** What was typed, shown again with the service's messages. */
	static Map<String, Object> echo(MultiValueMap<String, String> form) {
		Map<String, Object> values = new LinkedHashMap<>(form.toSingleValueMap());
		values.put("sells", form.getOrDefault("sells", List.of()));
		return values;
	}

	private static String blankAsNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
