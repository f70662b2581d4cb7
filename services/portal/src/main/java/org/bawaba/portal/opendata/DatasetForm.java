package org.bawaba.portal.opendata;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The new-dataset form of agency staff, turned into the open data service's dataset request. Only
 * the shape changes here (tags typed as one line, the themes ticked); the service checks the values.
 */
final class DatasetForm {

	/** Licences the service knows (CKAN licence ids); their names are in the page's messages. */
	static final List<String> LICENCES = List.of("cc-by", "cc-by-sa", "cc-zero", "odc-by", "odc-odbl", "odc-pddl");

	/** EU frequencies the service knows; their names are in the page's messages. */
	static final List<String> FREQUENCIES = List.of("UPDATE_CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY",
			"ANNUAL", "IRREG", "NEVER", "UNKNOWN");

	private DatasetForm() {
	}

	/** The request body for {@code POST /datasets} of {@code organization}. */
	static Map<String, Object> request(MultiValueMap<String, String> form, String organization) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", value(form, "name"));
		body.put("organization", organization);
		body.put("title", bilingual(form, "title"));
		if (!value(form, "notes.en").isEmpty() || !value(form, "notes.ar").isEmpty()) {
			body.put("notes", bilingual(form, "notes"));
		}
		body.put("tags", tags(value(form, "tags")));
		List<String> groups = form.get("groups");
		body.put("groups", groups == null ? List.of() : groups.stream().filter(g -> !g.isBlank()).toList());
		body.put("license", value(form, "license"));
		if (!value(form, "frequency").isEmpty()) {
			body.put("frequency", value(form, "frequency"));
		}
		body.put("private", "true".equals(form.getFirst("private")));
		return body;
	}

	/** Tags typed on one line, separated by Latin or Arabic commas. */
	static List<String> tags(String line) {
		return Arrays.stream(line.split("[,،]")).map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
	}

	static Map<String, String> bilingual(MultiValueMap<String, String> form, String field) {
		Map<String, String> text = new LinkedHashMap<>();
		text.put("en", value(form, field + ".en"));
		text.put("ar", value(form, field + ".ar"));
		return text;
	}

	static String value(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		return value == null ? "" : value.strip();
	}

}
