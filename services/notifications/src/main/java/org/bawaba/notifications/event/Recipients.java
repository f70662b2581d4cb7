package org.bawaba.notifications.event;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/** Who a notice goes to, by the rules of the event table ({@code kind:field}). */
@Component
class Recipients {

	/** The people, and the audience role of a broadcast (null when there is none). */
	record Resolved(Set<String> people, @Nullable String audienceRole) {
	}

	private final Replicas replicas;

	Recipients(Replicas replicas) {
		this.replicas = replicas;
	}

	Resolved resolve(Iterable<String> rules, JsonNode data) {
		Set<String> people = new LinkedHashSet<>();
		String audience = null;
		for (String rule : rules) {
			int colon = rule.indexOf(':');
			String kind = colon < 0 ? rule : rule.substring(0, colon);
			String field = colon < 0 ? "" : rule.substring(colon + 1);
			String value = Replicas.text(data, field);
			switch (kind) {
				case "subject" -> {
					if (value != null && !value.isBlank()) {
						people.add(value);
					}
				}
				case "audience" -> audience = audienceRole(data.get(field));
				case "supplier" -> {
					if (value != null) {
						people.addAll(replicas.supplierMembers(value));
					}
				}
				case "subscribers" -> {
					if (value != null) {
						people.addAll(replicas.categorySubscribers(value));
					}
				}
				case "tender-subscribers" -> {
					String category = value == null ? null : replicas.tenderCategory(value);
					if (category != null) {
						people.addAll(replicas.categorySubscribers(category));
					}
				}
				default -> throw new IllegalStateException("Unknown recipient rule " + rule);
			}
		}
		return new Resolved(people, audience);
	}

	/**
	 * The realm role a poll's audience names: suppliers, agency staff, or (for "ALL", "PUBLIC",
	 * "CITIZENS" and anything not recognised) citizens. An audience given as an object is read by its
	 * {@code role} or {@code type} field.
	 */
	static String audienceRole(@Nullable JsonNode audience) {
		String text = null;
		if (audience != null && audience.isObject()) {
			JsonNode named = audience.has("role") ? audience.get("role") : audience.get("type");
			text = named == null ? null : named.asString();
		}
		else if (audience != null && !audience.isNull()) {
			text = audience.asString();
		}
		String normalized = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		return switch (normalized) {
			case "supplier", "suppliers", "businesses" -> "supplier";
			case "agency-staff", "staff" -> "agency-staff";
			default -> "citizen";
		};
	}

}
